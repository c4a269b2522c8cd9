using System.Reflection;
using System.Text.RegularExpressions;
using Kiosk.Ctl;
using Kiosk.Tests.Tokens;

namespace Kiosk.Tests.Ctl;

/// <summary>
/// The packaged manual page (<c>deploy/package/kioskctl.1</c>, <c>man kioskctl</c> on the board) against the
/// command tree and <see cref="ExitCodes"/>: the page is written by hand, so this is what keeps it true.
/// </summary>
public sealed partial class ManPageTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(TrustStoreTests.RepositoryRoot(), "deploy", "package", "kioskctl.1"));

    [Fact]
    public void Commands_NameEveryVerb()
    {
        var section = Section("COMMANDS");
        var root = CtlApp.CreateRoot(new CtlContext(CtlIo.Plain(TextWriter.Null, TextWriter.Null)));

        foreach (var verb in root.Subcommands)
        {
            Assert.True(Regex.IsMatch(section, $@"^\.B {Regex.Escape(verb.Name)}\b", RegexOptions.Multiline), $"the man page's COMMANDS section does not name {verb.Name}");
        }
    }

    [Fact]
    public void ExitStatus_ListsEveryExitCodeAndNoOther()
    {
        var documented = BoldLine().Matches(Section("EXIT STATUS")).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order();
        var codes = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (int)f.GetRawConstantValue()!).Order();

        Assert.Equal(codes, documented);
    }

    [Fact]
    public void Page_PointsToHelpAsTheParserTakesIt()
    {
        // "kioskctl help" is not a verb: it gets a usage error and a suggestion of --help.
        Assert.DoesNotContain("kioskctl help", Page, StringComparison.Ordinal);
        Assert.Contains(@".B kioskctl \-\-help", Page, StringComparison.Ordinal);
    }

    private static string Section(string name)
    {
        var start = Page.IndexOf($".SH {name}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the man page has no {name} section");
        var end = Page.IndexOf("\n.SH ", start + 1, StringComparison.Ordinal);
        return end < 0 ? Page[start..] : Page[start..end];
    }

    [GeneratedRegex(@"^\.B (\d+)$", RegexOptions.Multiline)]
    private static partial Regex BoldLine();
}
