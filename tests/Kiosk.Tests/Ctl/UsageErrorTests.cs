using Kiosk.Ctl;

namespace Kiosk.Tests.Ctl;

/// <summary>
/// Each verb's usage errors exit 2 before anything is sent; a verb that talks to the service exits 3 when
/// it is not there. The socket points nowhere, so a usage error that slipped through would show as 3.
/// </summary>
public sealed class UsageErrorTests
{
    private const string Token = "token issue --key none.pem --kid k --iss i --aud demo-0001 --sub s";

    [Theory]
    [InlineData("status --jsn")]
    [InlineData("status now")]
    [InlineData("events --since -1")]
    [InlineData("events --since yesterday")]
    [InlineData("watch --interval 0")]
    [InlineData("watch --interval soon")]
    [InlineData("diag --actuate siren")]
    [InlineData("diag --actuate circuit")]
    [InlineData("diag --door rest")]
    [InlineData("diag --json --actuate amp")]
    [InlineData("diag --checks ,")]
    [InlineData("door")]
    [InlineData("door open")]
    [InlineData("door mode")]
    [InlineData("door mode --mode party")]
    [InlineData("door lock now")]
    [InlineData("power on")]
    [InlineData("power explode --circuit outlet")]
    [InlineData("announce")]
    [InlineData("announce --text hi --clip chime")]
    [InlineData("announce --text hi --volume loud")]
    [InlineData("announce --text hi --volume -1")]
    [InlineData("announce --text hi --priority panic")]
    [InlineData("maintenance maybe")]
    [InlineData("sim")]
    [InlineData("sim scan")]
    [InlineData("sim press enter")]
    [InlineData("sim door ajar")]
    [InlineData("sim beam --direction sideways")]
    [InlineData("sim presence")]
    [InlineData("sim presence --present maybe")]
    [InlineData("sim help now")]
    [InlineData("sim load --circuit outlet")]
    [InlineData("sim load --circuit outlet --watts lots")]
    [InlineData("sim load --circuit outlet --watts 200000")]
    [InlineData("sim meter --circuit outlet --fault melted")]
    [InlineData("sim climate --cabin rest --celsius hot")]
    [InlineData("sim climate --cabin rest --celsius 200")]
    [InlineData("sim climate --cabin rest --fault smoke")]
    [InlineData("sim fault --fault fire")]
    [InlineData("sim gpio 12")]
    [InlineData("keys")]
    [InlineData("keys new")]
    [InlineData("keys new --kid bad/kid")]
    [InlineData("token")]
    [InlineData("token issue --key none.pem")]
    [InlineData(Token + " --ttl 0")]
    [InlineData(Token + " --role king")]
    [InlineData(Token + " --act lunch")]
    [InlineData(Token + " --cmd power --arg outlet")]
    [InlineData(Token + " --cmd unlock --arg door=rest")]
    [InlineData(Token + " --cmd power --arg exp=5")]
    [InlineData("completion")]
    [InlineData("completion fish")]
    public async Task Verb_UsageError_ExitTwoNamingTheVerb(string line)
    {
        var args = line.Split(' ');

        var (code, stdout, stderr) = await RunAsync(args);

        Assert.True(code == 2, $"exit {code}: {stderr}");
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"usage: kioskctl {args[0]}", stderr, StringComparison.Ordinal);
        Assert.Contains(" --help shows how to use it", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("events")]
    [InlineData("watch --once")]
    [InlineData("diag")]
    [InlineData("door lock")]
    [InlineData("power on --circuit outlet")]
    [InlineData("announce --text hi")]
    [InlineData("maintenance")]
    [InlineData("sim gpio")]
    public async Task Verb_ServiceUnreachable_ExitThree(string line)
    {
        var (code, _, stderr) = await RunAsync(line.Split(' '));

        Assert.Equal(3, code);
        Assert.Contains("kioskctl: cannot reach the kiosk service at /nonexistent/kiosk.sock: no such socket (is kiosk-edge running?", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CtlApp.RunAsync([.. args, "--socket", "/nonexistent/kiosk.sock"], CtlIo.Plain(stdout, stderr), TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
