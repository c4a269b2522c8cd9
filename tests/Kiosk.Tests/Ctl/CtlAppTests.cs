using System.CommandLine;
using Kiosk.Ctl;

namespace Kiosk.Tests.Ctl;

/// <summary>The command line itself: help everywhere, typo suggestions, and that every verb and option explains itself.</summary>
public sealed class CtlAppTests
{
    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string>();
        foreach (var command in AllCommands(CtlApp.CreateRoot(new CtlContext(CtlIo.Plain(TextWriter.Null, TextWriter.Null)))))
        {
            data.Add(string.Join(' ', Path(command)));
        }

        return data;
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Root_Help_PrintsVerbsExitZero(string help)
    {
        var (code, stdout, stderr) = await RunAsync(help);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains(" [command] [options]\n", stdout, StringComparison.Ordinal);
        foreach (var verb in (string[])["status", "events", "watch", "diag", "door", "power", "announce", "maintenance", "sim", "keys", "token", "completion"])
        {
            Assert.Contains($"\n  {verb} ", stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Verb_Help_PrintsUsageExitZero(string path)
    {
        foreach (var help in (string[])["--help", "-h"])
        {
            var (code, stdout, stderr) = await RunAsync([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), help]);

            Assert.True(code == 0, stderr);
            // The root is named after the executable: kioskctl when installed, the test host here.
            Assert.Contains($" {path}", stdout[stdout.IndexOf("Usage:\n  ", StringComparison.Ordinal)..].Split('\n')[1], StringComparison.Ordinal);
            Assert.Contains("Description:", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TokenIssue_Help_ExplainsCmdAndArg()
    {
        var (code, stdout, _) = await RunAsync("token", "issue", "--help");

        Assert.Equal(0, code);
        Assert.Contains("--cmd <NAME>", stdout, StringComparison.Ordinal);
        Assert.Contains("the command it authorises (cmd claim)", stdout, StringComparison.Ordinal);
        Assert.Contains("--arg <NAME=VALUE>", stdout, StringComparison.Ordinal);
        Assert.Contains("--arg circuit=outlet --arg action=reset", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryVerbAndOption_HasHelpText()
    {
        foreach (var command in AllCommands(CtlApp.CreateRoot(new CtlContext(CtlIo.Plain(TextWriter.Null, TextWriter.Null)))))
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Description), $"{string.Join(' ', Path(command))} has no description");
            foreach (var symbol in command.Options.Cast<Symbol>().Concat(command.Arguments))
            {
                Assert.False(string.IsNullOrWhiteSpace(symbol.Description), $"{string.Join(' ', Path(command))} {symbol.Name} has no description");
            }
        }
    }

    [Theory]
    [InlineData("stauts", "status")]
    [InlineData("daig", "diag")]
    [InlineData("maintenace", "maintenance")]
    public async Task MistypedVerb_SuggestsTheVerbExitTwo(string typo, string verb)
    {
        var (code, stdout, stderr) = await RunAsync(typo);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"'{typo}' was not matched. Did you mean one of the following?\n{verb}\n", stderr, StringComparison.Ordinal);
        Assert.Contains("usage: kioskctl --help", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MistypedSubVerb_SuggestsItExitTwo()
    {
        var (code, _, stderr) = await RunAsync("sim", "lod", "--circuit", "outlet", "--watts", "5");

        Assert.Equal(2, code);
        Assert.Contains("Did you mean one of the following?\nload\n", stderr, StringComparison.Ordinal);
        Assert.Contains("usage: kioskctl sim --help", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoVerb_UsageErrorNamesTheVerbsExitTwo()
    {
        var (code, stdout, stderr) = await RunAsync();

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("kioskctl: no verb given; kioskctl takes one of: status, events, watch, diag,", stderr, StringComparison.Ordinal);
        Assert.Contains("usage: kioskctl --help", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sim", "kioskctl sim takes one of: scan, press, door,")]
    [InlineData("config", "kioskctl config takes one of: check")]
    [InlineData("keys", "kioskctl keys takes one of: new")]
    [InlineData("token", "kioskctl token takes one of: issue")]
    public async Task GroupWithoutItsVerb_UsageErrorNamesItsVerbsExitTwo(string group, string expected)
    {
        var (code, stdout, stderr) = await RunAsync(group);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"kioskctl: no verb given; {expected}", stderr, StringComparison.Ordinal);
        Assert.Contains($"usage: kioskctl {group} --help", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryGroup_HasAnAction()
    {
        var root = CtlApp.CreateRoot(new CtlContext(CtlIo.Plain(TextWriter.Null, TextWriter.Null)));
        foreach (var command in AllCommands(root).Prepend(root))
        {
            Assert.True(command.Action is not null, $"{string.Join(' ', Path(command))} has no action");
        }
    }

    [Fact]
    public void Version_IsTheKioskServicesVersion()
    {
        // kioskctl ships in the kiosk-edge package: its --version (the entry assembly's informational version,
        // so not callable from a test host) is the service's and the package's.
        Assert.Equal(typeof(Kiosk.Edge.KioskHost).Assembly.GetName().Version, typeof(CtlApp).Assembly.GetName().Version);
    }

    internal static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CtlApp.RunAsync(args, CtlIo.Plain(stdout, stderr), TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static IEnumerable<Command> AllCommands(Command command) =>
        command.Subcommands.SelectMany(c => AllCommands(c).Prepend(c));

    private static IEnumerable<string> Path(Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return names;
    }
}
