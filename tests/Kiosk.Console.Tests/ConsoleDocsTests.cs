using Kiosk.Fleet.Web;
using Kiosk.IntegrationTests.EndToEnd;

namespace Kiosk.Console.Tests;

/// <summary>docs/console.md against the code: every console setting is documented, with its default.</summary>
public sealed class ConsoleDocsTests
{
    [Fact]
    public void ConsoleMd_NamesEverySetting()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "console.md"));
        var missing = typeof(ConsoleOptions).GetProperties().Select(p => $"{ConsoleOptions.Section}:{p.Name}").Where(k => !doc.Contains($"`{k}`", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, "not in docs/console.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void Defaults_AsDocumented()
    {
        var o = new ConsoleOptions();

        Assert.Equal(("zh-CN", null, 1000), (o.DefaultCulture, o.TileUrl, o.ServiceRadiusMeters));
    }
}
