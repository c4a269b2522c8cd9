using System.Text.Json.Serialization;

namespace Kiosk.Contract.Events;

/// <summary>
/// The typed fields of one event type; on the wire they follow the envelope in one flat object,
/// <c>{"id","seq","ts","type",...fields}</c> (contract section 3). Each event type is a sealed record
/// deriving from this, registered in <see cref="Json.ContractJsonContext"/> with its type name.
/// </summary>
public abstract record KioskEventBody
{
    /// <summary>The event type name of this record (<see cref="EventTypes"/>), from its registration.</summary>
    /// <exception cref="InvalidOperationException">The record type is not registered in <see cref="Json.ContractJsonContext"/>.</exception>
    [JsonIgnore]
    public string Type => EventCatalog.TypeNameOf(GetType());
}
