using System.Buffers.Text;
using System.Text.Json.Nodes;
using Kiosk.Ctl;
using Kiosk.Tests.Tokens;

namespace Kiosk.Tests.Ctl;

/// <summary><c>kioskctl token issue</c>: the claims it signs, with the demo issuer's key.</summary>
public sealed class TokenIssueTests
{
    private static readonly string DemoKey = Path.Combine(TrustStoreTests.RepositoryRoot(), "src", "Kiosk.Edge", "demo", "demo-issuer.key.pem");

    [Theory]
    [InlineData("", 300)]
    [InlineData("--cmd unlock --door rest", 300)]
    [InlineData("--cmd power --arg circuit=outlet --arg action=reset", 120)]
    [InlineData("--cmd revoke --arg jtis=x", 120)]
    [InlineData("--cmd power --arg circuit=outlet --arg action=reset --ttl 30", 30)]
    [InlineData("--ttl 600", 600)]
    public async Task Issue_NoTtlGiven_LifetimeIsTheMostTheKioskAcceptsByDefault(string extra, long seconds)
    {
        var claims = await IssueAsync(extra);

        Assert.Equal(seconds, claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>());
    }

    [Fact]
    public async Task Issue_CommandArguments_BecomeClaims()
    {
        var claims = await IssueAsync("--role operator --cmd power --arg circuit=outlet --arg action=reset");

        Assert.Equal("power", claims["cmd"]!.GetValue<string>());
        Assert.Equal("outlet", claims["circuit"]!.GetValue<string>());
        Assert.Equal("reset", claims["action"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("--cmd unlock --arg door=rest", "--arg door: 'door' is a claim of its own; give it with --door")]
    [InlineData("--cmd power --arg exp=5", "--arg exp: 'exp' is a claim of its own; give it with --ttl")]
    [InlineData("--arg sub=someone", "--arg sub: 'sub' is a claim of its own; give it with --sub")]
    public async Task Issue_ArgumentNamesARegisteredClaim_UsageErrorNamesTheOption(string extra, string expected)
    {
        var (code, stdout, stderr) = await CtlAppTests.RunAsync([.. Line(extra)]);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Contains("usage: kioskctl token issue --help", stderr, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> IssueAsync(string extra)
    {
        var (code, stdout, stderr) = await CtlAppTests.RunAsync([.. Line(extra)]);
        Assert.True(code == 0, stderr);
        var payload = stdout.Trim().Split('.')[1];
        return JsonNode.Parse(Base64Url.DecodeFromChars(payload))!.AsObject();
    }

    private static IEnumerable<string> Line(string extra) =>
        ["token", "issue", "--key", DemoKey, "--kid", "demo-issuer", "--iss", "https://issuer.demo.invalid", "--aud", "demo-0001", "--sub", "w-1",
            .. extra.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
