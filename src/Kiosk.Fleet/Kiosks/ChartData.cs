using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiosk.Fleet.Kiosks;

/// <summary>
/// Series on one shared time axis, in uPlot's data layout: <see cref="X"/> in Unix seconds (UTC), ascending;
/// each series has one value per <see cref="X"/>, null where it has no sample (a gap in the line).
/// </summary>
/// <param name="Unit">The value unit shown on the axis (W, people, °C, visits).</param>
public sealed record ChartData(string Unit, IReadOnlyList<long> X, IReadOnlyList<ChartSeries> Series)
{
    [JsonIgnore]
    public bool IsEmpty => X.Count == 0;

    /// <summary>The x axis' start (Unix seconds): the period asked for, so a single point does not fill the chart; null = fit the data.</summary>
    public long? XMin { get; init; }

    /// <summary>The x axis' end (Unix seconds); null = fit the data.</summary>
    public long? XMax { get; init; }

    /// <summary>This chart over the period [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public ChartData Over(DateTimeOffset from, DateTimeOffset to) => this with { XMin = from.ToUnixTimeSeconds(), XMax = to.ToUnixTimeSeconds() };

    /// <summary>Aligns labelled (time, value) series on the union of their times.</summary>
    public static ChartData Align(string unit, IEnumerable<(string Label, IEnumerable<(DateTimeOffset T, double V)> Points)> series)
    {
        var all = series.Select(s => (s.Label, Points: s.Points.ToDictionary(p => p.T.ToUnixTimeSeconds(), p => p.V))).ToList();
        var x = all.SelectMany(s => s.Points.Keys).Distinct().Order().ToList();
        return new ChartData(
            unit,
            x,
            [.. all.Select(s => new ChartSeries(s.Label, [.. x.Select(t => s.Points.TryGetValue(t, out var v) ? Math.Round(v, 2) : (double?)null)]))]);
    }

    /// <summary>The chart as JSON for the browser's chart script.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ChartJsonContext.Default.ChartData);
}

/// <summary>One line of a chart: its legend label and a value per x.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<double?> Y);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChartData))]
internal sealed partial class ChartJsonContext : JsonSerializerContext;
