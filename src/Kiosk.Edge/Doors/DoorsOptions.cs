namespace Kiosk.Edge.Doors;

/// <summary>
/// The kiosk's cabins (configuration section <c>Doors</c>). Cabins are a dictionary by id
/// (<c>Doors:Cabins:rest:LockPin</c>); configuration does not keep their order, so the door for
/// passes without a <c>door</c> claim is named by <see cref="Default"/> (optional with one cabin).
/// </summary>
public sealed class DoorsOptions
{
    public const string Section = "Doors";

    /// <summary>The cabin a pass without <c>door</c> opens; required when there is more than one cabin.</summary>
    public string? Default { get; set; }

    /// <summary>The cabins, keyed by cabin id (lower case, e.g. rest, life): each cabin's door wiring (Doors:Cabins:{id}:*). At least one is required.</summary>
    public Dictionary<string, DoorOptions> Cabins { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The default cabin's id (after validation).</summary>
    public string DefaultId => Default ?? Cabins.Keys.Single();

    public static string Key(string id, string property) => $"{Section}:Cabins:{id}:{property}";

    /// <summary>
    /// For any feature's validator that names a cabin (occupancy counters, intercom, ...): null when
    /// <paramref name="id"/> is a configured cabin, else a message naming <paramref name="key"/>.
    /// </summary>
    public string? CheckReference(string key, string? id) =>
        id is not null && Cabins.ContainsKey(id)
            ? null
            : $"{key} names '{id}', which is not a cabin (known: {string.Join(", ", Cabins.Keys.Order(StringComparer.Ordinal))})";
}
