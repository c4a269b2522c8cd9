using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Kiosk.Fleet.Commands;
using Kiosk.Fleet.Kiosks;
using Kiosk.Fleet.Web.Kiosks;
using Kiosk.IntegrationTests.EndToEnd;
using Microsoft.Extensions.Localization;

namespace Kiosk.Console.Tests.Kiosks;

/// <summary>The kiosk and reports pages' strings: both languages complete, every key the pages use present, lookups served from the embedded resources.</summary>
public sealed partial class KioskTextTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "src", "Kiosk.Fleet", "Console");

    [Fact]
    public void Resources_EnglishAndChinese_SameKeysAndEveryUsedKeyPresent()
    {
        var en = Keys("KioskText.resx");
        var zh = Keys("KioskText.zh-CN.resx");
        Assert.Equal(en.Order(StringComparer.Ordinal), zh.Order(StringComparer.Ordinal));

        var used = Directory.GetFiles(Path.Combine(Folder, "Kiosks"), "*.razor").Concat(Directory.GetFiles(Path.Combine(Folder, "Reports"), "*.razor"))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.NotEmpty(used);
        var missing = used.Where(k => !en.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "not in KioskText.resx: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("en", "The kiosk refused unlock: out_of_service.")]
    [InlineData("zh-CN", "驿站拒绝了 unlock：out_of_service。")]
    public void Describe_Refused_ReasonInTheUsersLanguage(string culture, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
            var k = services.GetRequiredService<IStringLocalizer<KioskText>>();
            var attempt = new CommandAttempt(CommandAttemptStatus.Sent, new CommandOutcome(CommandStatus.Refused, null, "out_of_service", 0.1), null, null);
            Assert.Equal(("refused", expected), CommandReplies.Describe(k, "unlock", attempt));
            Assert.Equal("timeout", CommandReplies.Describe(k, "unlock", attempt with { Outcome = attempt.Outcome! with { Status = CommandStatus.Timeout } }).Kind);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static HashSet<string> Keys(string file) =>
        [.. XDocument.Load(Path.Combine(Folder, "Kiosks", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];

    // Literal keys only (K["Word"] or K["Word", ...]); keys built from a prefix are checked by the page tests.
    [GeneratedRegex("""K\["([A-Za-z0-9_]+)"[\],]""")]
    private static partial Regex UsedKey();
}
