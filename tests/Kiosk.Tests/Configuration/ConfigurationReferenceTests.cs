namespace Kiosk.Tests.Configuration;

/// <summary>
/// docs/configuration.md lists every options property with the default the package runs with and a plain
/// meaning; it is regenerated from the code, so it cannot drift. To update it after changing an options type
/// or appsettings.json: <c>KIOSK_UPDATE_DOCS=1 dotnet test --project tests/Kiosk.Tests -- --filter-class "*ConfigurationReferenceTests"</c>.
/// </summary>
public sealed class ConfigurationReferenceTests
{
    private static readonly string DocPath = RepoFiles.PathOf("docs", "configuration.md");

    [Fact]
    public void ConfigurationDoc_EveryOptionsProperty_ListedWithPackagedDefault()
    {
        var expected = ConfigurationReference.Markdown();
        var doc = File.ReadAllText(DocPath);
        var begin = doc.IndexOf(ConfigurationReference.Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(ConfigurationReference.End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"{DocPath} lacks the generated-section markers");
        var actual = doc[begin..(end + ConfigurationReference.End.Length)];
        if (actual != expected && Environment.GetEnvironmentVariable("KIOSK_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, doc[..begin] + expected + doc[(end + ConfigurationReference.End.Length)..]);
            return;
        }

        Assert.True(actual == expected, "docs/configuration.md is out of date with the options types or appsettings.json; regenerate it with KIOSK_UPDATE_DOCS=1 (see this test's summary)");
    }

    [Fact]
    public void OptionsProperties_Every_HasAPlainMeaning()
    {
        var missing = ConfigurationReference.Sections().SelectMany(s => s.Rows).Where(r => string.IsNullOrWhiteSpace(r.Meaning)).Select(r => r.Key).ToList();

        Assert.True(missing.Count == 0, "options properties without a /// <summary> (the meaning in docs/configuration.md): " + string.Join(", ", missing));
    }

    [Fact]
    public void OptionsCatalog_EveryOptionsTypeWithASection_Listed()
    {
        var withSection = typeof(Kiosk.Edge.KioskHost).Assembly.GetTypes()
            .Where(t => t.GetField("Section") is { IsLiteral: true } && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .ToHashSet();

        Assert.Empty(withSection.Except(Kiosk.Edge.Configuration.OptionsCatalog.Sections.Select(s => s.Type)).Select(t => t.FullName));
    }

    [Fact]
    public void PackagedDefaults_NoCSharpLeaks()
    {
        var leaks = ConfigurationReference.Sections().SelectMany(s => s.Rows)
            .Where(r => r.Default.Contains("Kiosk.", StringComparison.Ordinal) || r.Default.Contains("System.", StringComparison.Ordinal) || r.Default.Contains('*'))
            .Where(r => r.Default != "**required**")
            .Select(r => $"{r.Key} = {r.Default}").ToList();

        Assert.Empty(leaks);
    }
}
