using System.Text.Json.Serialization;

namespace Kiosk.Contract.Commands;

/// <summary>One check of a diagnostics report.</summary>
/// <param name="Name">The check's name (e.g. gpio, clock).</param>
/// <param name="Category">Its group (hardware, network, ...).</param>
/// <param name="Status"><c>pass</c>, <c>warn</c> or <c>fail</c>.</param>
/// <param name="Detail">What it found.</param>
/// <param name="Hint">What to do about it; null when nothing.</param>
/// <param name="DurationMs">How long it ran, ms.</param>
public sealed record DiagCheck(
    string Name,
    string Category,
    string Status,
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Hint,
    long DurationMs);
