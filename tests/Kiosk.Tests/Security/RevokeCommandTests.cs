using System.Text.Json;
using Kiosk.Edge.Commands;
using Kiosk.Edge.Security;
using Kiosk.Tests.Tokens;

namespace Kiosk.Tests.Security;

public sealed class RevokeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("revoke-").FullName;
    private readonly TokenTestKit _kit = new();
    private readonly RevocationList _list;
    private readonly RevokeCommand _command;

    public RevokeCommandTests()
    {
        _list = new RevocationList(Path.Combine(_dir, "revocations.db"), TimeSpan.FromMinutes(6), _kit.Time);
        _command = new RevokeCommand(_list);
    }

    [Fact]
    public async Task ExecuteAsync_SubsAndJtis_RevokesThem()
    {
        var result = await Run("""{"sub":"operator-1","jti":"cmd-1","subs":["worker-0042","worker-9"],"jtis":"j-7"}""");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(2, result.Result!["subs"]!.GetValue<int>());
        Assert.Equal(1, result.Result!["jtis"]!.GetValue<int>());
        Assert.True(_list.IsRevoked(_kit.Validator.Validate(_kit.Issue()).Token!));
        // The command token's own sub is the operator: never revoked by accident.
        Assert.False(_list.IsRevoked(_kit.Validator.Validate(_kit.Issue(TokenTestKit.Pass("operator-1"))).Token!));
        Assert.True(_list.IsRevoked(_kit.Validator.Validate(_kit.Issue(TokenTestKit.Pass("x") with { Jti = "j-7" })).Token!));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"sub":"only-the-operator"}""")]
    [InlineData("""{"subs":[]}""")]
    [InlineData("""{"subs":[1]}""")]
    [InlineData("""{"subs":[""]}""")]
    [InlineData("""{"jtis":{"a":1}}""")]
    [InlineData("""[]""")]
    public async Task ExecuteAsync_NothingOrWrongShape_BadArgumentsAndNothingChanged(string arguments)
    {
        var result = await Run(arguments);
        Assert.False(result.Ok);
        Assert.Equal("bad_arguments", result.Error);
        Assert.Equal(0, _list.SubjectCount);
    }

    [Fact]
    public void AllowedRoles_OnlyOperator()
    {
        Assert.Equal(["operator"], _command.AllowedRoles!);
    }

    public void Dispose()
    {
        _list.Dispose();
        _kit.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<CommandResult> Run(string arguments)
    {
        using var document = JsonDocument.Parse(arguments);
        var request = new CommandRequest("revoke", "r1", CommandVia.Remote, "operator-1", "operator", document.RootElement.Clone());
        return await _command.ExecuteAsync(request, TestContext.Current.CancellationToken);
    }
}
