using Kiosk.Edge.Security;
using Kiosk.Tests.Tokens;
using Kiosk.Tests.TrustedTime;
using Kiosk.Tokens;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace Kiosk.Tests.Security;

public sealed class PassAuthorityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("authority-").FullName;
    private readonly TokenTestKit _kit = new();
    private readonly FakeLogger<PassAuthority> _logger = new();
    private ReplayStore _replays;
    private RevocationList _revocations;
    private PassAuthority _authority;

    public PassAuthorityTests()
    {
        (_replays, _revocations, _authority) = Create();
    }

    [Fact]
    public void AuthorizeScan_ValidPass_Granted()
    {
        var decision = _authority.AuthorizeScan(_kit.Issue() + "\r\n");
        Assert.True(decision.Granted);
        Assert.Null(decision.Reason);
        Assert.Equal("worker-0042", decision.Sub);
    }

    [Fact]
    public void AuthorizeScan_UrlCarryingPass_Granted()
    {
        Assert.True(_authority.AuthorizeScan("https://pass.example/k?t=" + _kit.Issue()).Granted);
    }

    [Fact]
    public void AuthorizeScan_ScannerPrefixesAimIdentifier_Granted()
    {
        // A scanner set to send the AIM symbology identifier puts "]Q1" (QR Code) before the data.
        Assert.True(_authority.AuthorizeScan("]Q1" + _kit.Issue() + "\r\n").Granted);
        Assert.Equal(DenyReason.Malformed, _authority.AuthorizeScan("]Q1]Q1" + _kit.Issue()).Reason);
    }

    [Fact]
    public void AuthorizeScan_NoToken_Malformed()
    {
        Assert.Equal(DenyReason.Malformed, _authority.AuthorizeScan("https://pass.example/k").Reason);
        Assert.Equal(DenyReason.Malformed, _authority.AuthorizeScan("   ").Reason);
    }

    [Fact]
    public void AuthorizeScan_StatelessFailure_ReasonOfTheValidatorAndNoSub()
    {
        var token = _kit.Issue();
        _kit.Time.Advance(TimeSpan.FromMinutes(10));
        var decision = _authority.AuthorizeScan(token);
        Assert.Equal(DenyReason.Expired, decision.Reason);
        Assert.Null(decision.Sub);
    }

    [Fact]
    public void AuthorizeScan_SamePassTwice_Replayed()
    {
        var token = _kit.Issue();
        Assert.True(_authority.AuthorizeScan(token).Granted);
        var again = _authority.AuthorizeScan(token);
        Assert.Equal(DenyReason.Replayed, again.Reason);
        Assert.Equal("worker-0042", again.Sub);
    }

    [Fact]
    public void AuthorizeScan_SamePassAfterRestart_Replayed()
    {
        var token = _kit.Issue();
        Assert.True(_authority.AuthorizeScan(token).Granted);
        Restart();
        Assert.Equal(DenyReason.Replayed, _authority.AuthorizeScan(token).Reason);
    }

    [Fact]
    public void AuthorizeScan_SamePassFromUrlAndBare_Replayed()
    {
        var token = _kit.Issue();
        Assert.True(_authority.AuthorizeScan("https://p.example/?t=" + token).Granted);
        Assert.Equal(DenyReason.Replayed, _authority.AuthorizeScan(token).Reason);
    }

    [Fact]
    public void AuthorizeScan_RevokedSubject_RevokedBeforeReplayCheck()
    {
        _revocations.RevokeSubjects(["worker-0042"]);
        var token = _kit.Issue();
        Assert.Equal(DenyReason.Revoked, _authority.AuthorizeScan(token).Reason);
        Assert.Equal(DenyReason.Revoked, _authority.AuthorizeScan(token).Reason);
        Assert.True(_authority.AuthorizeScan(_kit.Issue(TokenTestKit.Pass("worker-0043"))).Granted);
    }

    [Fact]
    public void AuthorizeScan_RevokedJti_Revoked()
    {
        _revocations.RevokeTokens(["jti-lost-phone"]);
        Assert.Equal(DenyReason.Revoked, _authority.AuthorizeScan(_kit.Issue(TokenTestKit.Pass() with { Jti = "jti-lost-phone" })).Reason);
    }

    [Fact]
    public void AuthorizeScan_SeventhPassOfASubjectWithinAMinute_RateLimited()
    {
        for (var i = 0; i < 6; i++)
        {
            Assert.True(_authority.AuthorizeScan(_kit.Issue()).Granted);
        }

        var decision = _authority.AuthorizeScan(_kit.Issue());
        Assert.Equal(DenyReason.RateLimited, decision.Reason);
        Assert.True(_authority.AuthorizeScan(_kit.Issue(TokenTestKit.Pass("worker-0043"))).Granted);
        _kit.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(_authority.AuthorizeScan(_kit.Issue()).Granted);
    }

    [Fact]
    public void AuthorizeScan_CommandToken_BadArgumentsAndNotConsumed()
    {
        var token = _kit.Issue(TokenTestKit.Pass("op") with { Role = KioskRole.Operator, Cmd = "power" });
        var decision = _authority.AuthorizeScan(token);
        Assert.Equal(DenyReason.BadArguments, decision.Reason);
        Assert.Equal("op", decision.Sub);
        Assert.True(_authority.AuthorizeCommand("power", token).Granted);
    }

    [Fact]
    public void AuthorizeScan_UnlockCommandToken_IsAPass()
    {
        Assert.True(_authority.AuthorizeScan(_kit.Issue(TokenTestKit.Pass() with { Cmd = "unlock" })).Granted);
    }

    [Fact]
    public void AuthorizeCommand_CmdOfAnotherCommand_BadArguments()
    {
        var token = _kit.Issue(TokenTestKit.Pass("op") with { Role = KioskRole.Operator, Cmd = "lock" });
        Assert.Equal(DenyReason.BadArguments, _authority.AuthorizeCommand("power", token).Reason);
        Assert.Equal(DenyReason.BadArguments, _authority.AuthorizeCommand("unlock", token).Reason);
        Assert.True(_authority.AuthorizeCommand("lock", token).Granted);
    }

    [Fact]
    public void AuthorizeCommand_PassWithoutCmdForOtherCommand_BadArguments()
    {
        Assert.Equal(DenyReason.BadArguments, _authority.AuthorizeCommand("lock", _kit.Issue()).Reason);
    }

    [Fact]
    public void AuthorizeCommand_UnlockWithPass_GrantedThenReplayed()
    {
        var token = _kit.Issue();
        Assert.True(_authority.AuthorizeCommand("unlock", token).Granted);
        Assert.Equal(DenyReason.Replayed, _authority.AuthorizeCommand("unlock", token).Reason);
        Assert.Equal(DenyReason.Replayed, _authority.AuthorizeScan(token).Reason);
    }

    [Fact]
    public void AuthorizeCommand_OperatorCommands_NotRateLimited()
    {
        for (var i = 0; i < 20; i++)
        {
            var token = _kit.Issue(TokenTestKit.Pass("op") with { Role = KioskRole.Operator, Cmd = "power" });
            Assert.True(_authority.AuthorizeCommand("power", token).Granted);
        }
    }

    [Fact]
    public void Redeem_VerifiedPass_GrantedOnceThenReplayed()
    {
        var token = _kit.Validator.Validate(_kit.Issue()).Token!;
        Assert.True(_authority.Redeem(token).Granted);
        Assert.Equal(DenyReason.Replayed, _authority.Redeem(token).Reason);
    }

    [Fact]
    public void Redeem_RevokedAndReplayed_RevokedReportedFirst()
    {
        var token = _kit.Validator.Validate(_kit.Issue()).Token!;
        Assert.True(_authority.Redeem(token).Granted);
        _revocations.RevokeSubjects([token.Sub]);
        Assert.Equal(DenyReason.Revoked, _authority.Redeem(token).Reason);
    }

    [Fact]
    public void Redeem_PassesOverTheLimit_RateLimitedButCommandsNot()
    {
        for (var i = 0; i < 6; i++)
        {
            Assert.True(_authority.Redeem(_kit.Validator.Validate(_kit.Issue()).Token!).Granted);
        }

        Assert.Equal(DenyReason.RateLimited, _authority.Redeem(_kit.Validator.Validate(_kit.Issue()).Token!).Reason);
        var command = _kit.Validator.Validate(_kit.Issue(TokenTestKit.Pass() with { Role = KioskRole.Operator, Cmd = "lock" })).Token!;
        Assert.True(_authority.Redeem(command).Granted);
    }

    [Fact]
    public void AuthorizeScan_Denied_LogsReasonAndSubButNeverTheToken()
    {
        var token = _kit.Issue();
        _authority.AuthorizeScan(token);
        _authority.AuthorizeScan(token);
        var record = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Contains("replayed", record.Message, StringComparison.Ordinal);
        Assert.Contains("worker-0042", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], record.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _replays.Dispose();
        _revocations.Dispose();
        _kit.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private void Restart()
    {
        _replays.Dispose();
        _revocations.Dispose();
        (_replays, _revocations, _authority) = Create();
    }

    private (ReplayStore, RevocationList, PassAuthority) Create()
    {
        var replays = new ReplayStore(Path.Combine(_dir, "replay.db"), _kit.Time);
        var revocations = new RevocationList(Path.Combine(_dir, "revocations.db"), TimeSpan.FromMinutes(6), _kit.Time);
        var limiter = new SubjectRateLimiter(6, TimeSpan.FromMinutes(1), 1000, _kit.Time);
        _logger.ControlLevel(Microsoft.Extensions.Logging.LogLevel.Debug, true);
        return (replays, revocations, new PassAuthority(TrustedValidation.For(_kit), revocations, replays, limiter, TimeSpan.FromSeconds(30), _logger));
    }
}
