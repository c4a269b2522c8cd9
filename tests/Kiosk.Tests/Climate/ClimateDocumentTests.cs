using System.Reflection;
using Kiosk.Edge.Climate;

namespace Kiosk.Tests.Climate;

/// <summary>The climate documentation against the code: every event name, every configuration key.</summary>
public sealed class ClimateDocumentTests
{
    public static TheoryData<string> EventNames =>
    [
        "climate.heat", "climate.cold", "climate.co2_high", "climate.aircon_ineffective", "climate.cleared", "climate.sensor_fault",
    ];

    public static TheoryData<string> ConfigurationKeys => new(
        typeof(ClimateOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != nameof(ClimateOptions.Cabins))
            .Select(p => $"Climate:{p.Name}")
            .Concat(typeof(CabinClimateOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"Climate:Cabins:{{id}}:{p.Name}")));

    [Theory]
    [MemberData(nameof(EventNames))]
    public void Docs_ClimateEvent_DocumentedInClimateMqttAndAsyncApi(string name)
    {
        foreach (var doc in new[] { "climate.md", "mqtt.md", "asyncapi.yaml" })
        {
            Assert.Contains(name, Read(doc), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ConfigurationKeys))]
    public void ClimateMd_ConfigurationKey_InTheTable(string key) =>
        Assert.Contains($"| `{key}` |", Read("climate.md"), StringComparison.Ordinal);

    private static string Read(string doc)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kiosk.sln")))
            {
                return File.ReadAllText(Path.Combine(dir.FullName, "docs", doc));
            }
        }

        throw new InvalidOperationException("Kiosk.sln not found");
    }
}
