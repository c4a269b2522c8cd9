using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Kiosk.Edge.State;

/// <summary>
/// The kiosk's current state, one section per feature (doors, occupancy, circuits, intercom, link,
/// health). Features replace their section when it changes; MQTT republishes it (coalesced) and
/// kioskctl status reads it.
/// </summary>
internal sealed class StateBoard
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, JsonNode> _sections = new(StringComparer.Ordinal);

    /// <summary>Raised after a section changed (outside the lock).</summary>
    public event Action<string>? Changed;

    /// <summary>Replaces a section with a typed value (a Kiosk.Contract state record), serialized with its source-generated metadata.</summary>
    public void Set<T>(string section, T value, JsonTypeInfo<T> info) =>
        Set(section, JsonSerializer.SerializeToNode(value, info) ?? throw new ArgumentNullException(nameof(value)));

    private void Set(string section, JsonNode value)
    {
        ArgumentException.ThrowIfNullOrEmpty(section);
        lock (_gate)
        {
            if (_sections.TryGetValue(section, out var old) && JsonNode.DeepEquals(old, value))
            {
                return;
            }

            _sections[section] = value.DeepClone();
        }

        Changed?.Invoke(section);
    }

    public JsonNode? Get(string section)
    {
        lock (_gate)
        {
            return _sections.TryGetValue(section, out var node) ? node.DeepClone() : null;
        }
    }

    public JsonObject Snapshot()
    {
        lock (_gate)
        {
            var o = new JsonObject();
            foreach (var (key, value) in _sections)
            {
                o[key] = value.DeepClone();
            }

            return o;
        }
    }
}
