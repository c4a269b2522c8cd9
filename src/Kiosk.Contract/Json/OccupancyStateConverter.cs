using System.Text.Json;
using System.Text.Json.Serialization;
using Kiosk.Contract.State;

namespace Kiosk.Contract.Json;

/// <summary>
/// The flat shape of <c>state.occupancy</c>: cabins as object-valued properties next to the two daily counters.
/// Unknown number-valued properties are ignored when reading (additive extensions).
/// </summary>
public sealed class OccupancyStateConverter : JsonConverter<OccupancyState>
{
    private const string Visits = "visitsToday";
    private const string Holders = "holdersToday";

    /// <inheritdoc/>
    public override OccupancyState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("state.occupancy must be an object");
        }

        var cabins = new Dictionary<string, CabinOccupancy>(StringComparer.Ordinal);
        int visits = 0, holders = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case Visits:
                    visits = reader.GetInt32();
                    break;
                case Holders:
                    holders = reader.GetInt32();
                    break;
                default:
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        cabins[name] = JsonSerializer.Deserialize(ref reader, ContractJsonContext.Default.CabinOccupancy)
                            ?? throw new JsonException($"state.occupancy.{name} is null");
                    }
                    else
                    {
                        reader.Skip();
                    }

                    break;
            }
        }

        return new OccupancyState(cabins, visits, holders);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, OccupancyState value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (id, cabin) in value.Cabins)
        {
            writer.WritePropertyName(id);
            JsonSerializer.Serialize(writer, cabin, ContractJsonContext.Default.CabinOccupancy);
        }

        writer.WriteNumber(Visits, value.VisitsToday);
        writer.WriteNumber(Holders, value.HoldersToday);
        writer.WriteEndObject();
    }
}
