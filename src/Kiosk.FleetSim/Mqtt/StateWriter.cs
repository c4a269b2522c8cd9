using System.Buffers;
using System.Text.Json;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;

namespace Kiosk.FleetSim.Mqtt;

/// <summary>
/// The retained state's wire shape, section by section in name order, then <c>ts</c>, each with its
/// source-generated metadata. Written per section because <see cref="KioskState"/> itself does not serialize
/// (System.Text.Json refuses its <c>[JsonExtensionData]</c> on an init-only record: "cannot bind with a parameter").
/// </summary>
internal static class StateWriter
{
    public static byte[] Serialize(KioskState state)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            Section(w, StateSections.Circuits, state.Circuits is null ? null : new Dictionary<string, CircuitState>(state.Circuits), ContractJsonContext.Default.DictionaryStringCircuitState);
            Section(w, StateSections.Doors, state.Doors is null ? null : new Dictionary<string, DoorState>(state.Doors), ContractJsonContext.Default.DictionaryStringDoorState);
            Section(w, StateSections.Intercom, state.Intercom, ContractJsonContext.Default.IntercomState);
            Section(w, StateSections.Link, state.Link, ContractJsonContext.Default.LinkState);
            Section(w, StateSections.Occupancy, state.Occupancy, ContractJsonContext.Default.OccupancyState);
            w.WriteString("ts", WireTimestamp.Format(state.Ts));
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Section<T>(Utf8JsonWriter w, string name, T? value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
    {
        if (value is null)
        {
            return;
        }

        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, value, info);
    }
}
