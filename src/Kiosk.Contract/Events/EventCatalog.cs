using System.Text.Json.Serialization.Metadata;

namespace Kiosk.Contract.Events;

/// <summary>
/// Event type name ↔ record type, from the registrations in <see cref="Json.ContractJsonContext"/>
/// (<see cref="Json.ContractJsonContext.EventRegistrations"/>). Reflection-free, so trim and AOT safe.
/// </summary>
public static class EventCatalog
{
    private static readonly Dictionary<string, JsonTypeInfo> ByName = new(StringComparer.Ordinal);
    private static readonly Dictionary<Type, string> ByType = [];

    static EventCatalog()
    {
        foreach (var (name, info) in Json.ContractJsonContext.EventRegistrations())
        {
            if (!ByName.TryAdd(name, info) || !ByType.TryAdd(info.Type, name))
            {
                throw new InvalidOperationException($"event type {name} ({info.Type.Name}) is registered twice");
            }
        }
    }

    /// <summary>Every registered event type name.</summary>
    public static IReadOnlyCollection<string> TypeNames => ByName.Keys;

    /// <summary>The type name of a registered record type.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="recordType"/> is not registered.</exception>
    public static string TypeNameOf(Type recordType) =>
        ByType.TryGetValue(recordType, out var name)
            ? name
            : throw new InvalidOperationException($"{recordType.Name} is not a registered event record (see ContractJsonContext.EventRegistrations)");

    /// <summary>The serialization metadata of the record for <paramref name="typeName"/>; false for an unknown type.</summary>
    public static bool TryGetTypeInfo(string typeName, out JsonTypeInfo info) => ByName.TryGetValue(typeName, out info!);

    /// <summary>The serialization metadata of a registered record type.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="recordType"/> is not registered.</exception>
    public static JsonTypeInfo TypeInfoOf(Type recordType) => ByName[TypeNameOf(recordType)];
}
