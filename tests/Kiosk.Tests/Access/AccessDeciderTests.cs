using System.Device.Gpio;
using System.Text.Json;
using Kiosk.Edge.Access;
using Kiosk.Edge.Commands;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Security;
using Kiosk.Tests.Doors;
using Kiosk.Tests.Tokens;
using Kiosk.Tests.TrustedTime;
using Kiosk.Tokens;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Access;

public sealed class AccessDeciderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("access-").FullName;
    private readonly TokenTestKit _kit = new(KioskRole.Worker, KioskRole.Steward, KioskRole.Maintenance, KioskRole.Operator);
    private readonly DoorRig _rig;
    private readonly ReplayStore _replays;
    private readonly RevocationList _revocations;
    private readonly MaintenanceMode _maintenance;
    private readonly FullGate _gate = new();
    private readonly AccessDecider _decider;

    public AccessDeciderTests()
    {
        _rig = new DoorRig(o => o.Cabins["life"].AllowedRoles = ["steward", "maintenance"]);
        _replays = new ReplayStore(Path.Combine(_dir, "replay.db"), _kit.Time);
        _revocations = new RevocationList(Path.Combine(_dir, "revocations.db"), TimeSpan.FromMinutes(6), _kit.Time);
        var authority = new PassAuthority(
            TrustedValidation.For(_kit), _revocations, _replays, new SubjectRateLimiter(6, TimeSpan.FromMinutes(1), 100, _kit.Time),
            TimeSpan.FromSeconds(30), NullLogger<PassAuthority>.Instance);
        _maintenance = new MaintenanceMode(_rig.Journal, _rig.State, _rig.Time, Options.Create(new MaintenanceOptions()));
        _decider = new AccessDecider(TrustedValidation.For(_kit), authority, _rig.Doors, [_gate], _maintenance, _rig.Journal, NullLogger<AccessDecider>.Instance);
    }

    [Fact]
    public void DecideScanned_ValidPass_ReleasesDefaultDoorAndRecordsHolder()
    {
        var decision = _decider.DecideScanned(_kit.Issue(), DoorVia.Scan);

        Assert.Equal(AccessDecision.Grant("rest"), decision);
        Assert.Equal(PinValue.High, _rig.LockLine("rest"));
        var opened = Assert.Single(_rig.Events(), e => e.Type == "door.opened");
        Assert.Equal("scan", opened.Fields["via"]!.GetValue<string>());
        Assert.Equal("worker-0042", opened.Fields["sub"]!.GetValue<string>());
        Assert.Equal("worker", opened.Fields["role"]!.GetValue<string>());
    }

    [Fact]
    public void DecideScanned_UrlWithPass_Granted()
    {
        Assert.True(_decider.DecideScanned("https://kiosk.example/open?t=" + _kit.Issue(), DoorVia.Scan).Granted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("https://kiosk.example/open?x=1")]
    public void DecideScanned_NotAToken_DeniedMalformedOnRecord(string scanned)
    {
        var decision = _decider.DecideScanned(scanned, DoorVia.Scan);

        Assert.Equal("malformed", decision.Reason);
        var denied = Assert.Single(_rig.Events(), e => e.Type == "door.denied");
        Assert.Equal("malformed", denied.Fields["reason"]!.GetValue<string>());
        Assert.Equal(PinValue.Low, _rig.LockLine("rest"));
    }

    [Fact]
    public void DecideScanned_ExpiredPass_DeniedExpiredWithoutOpening()
    {
        var token = _kit.Issue();
        _kit.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal("expired", _decider.DecideScanned(token, DoorVia.Scan).Reason);
        Assert.DoesNotContain(_rig.Events(), e => e.Type == "door.opened");
    }

    [Fact]
    public void DecideScanned_UnknownDoor_DeniedUnknownDoor()
    {
        var token = _kit.Issue(TokenTestKit.Pass() with { Door = "sauna" });
        var decision = _decider.DecideScanned(token, DoorVia.Scan);
        Assert.Equal("unknown_door", decision.Reason);
        Assert.Equal("worker-0042", Assert.Single(_rig.Events(), e => e.Type == "door.denied").Fields["sub"]!.GetValue<string>());
    }

    [Fact]
    public void DecideScanned_RoleNotAllowedAtDoor_RoleForbidden()
    {
        var token = _kit.Issue(TokenTestKit.Pass() with { Door = "life" });
        Assert.Equal("role_forbidden", _decider.DecideScanned(token, DoorVia.Scan).Reason);
    }

    [Fact]
    public void DecideScanned_OutOfService_WorkerDeniedMaintenanceOpens()
    {
        _rig.Rest.SetMode(DoorMode.OutOfService, DoorVia.Manual);

        Assert.Equal("out_of_service", _decider.DecideScanned(_kit.Issue(), DoorVia.Scan).Reason);
        var crew = _kit.Issue(TokenTestKit.Pass("crew-7") with { Role = KioskRole.Maintenance });
        Assert.True(_decider.DecideScanned(crew, DoorVia.Scan).Granted);
    }

    [Fact]
    public void DecideScanned_GateRefusesFull_DeniedThenSamePassOpensOnceRoom()
    {
        var token = _kit.Issue();
        _gate.Full = true;
        Assert.Equal("full", _decider.DecideScanned(token, DoorVia.Scan).Reason);

        _gate.Full = false;
        Assert.True(_decider.DecideScanned(token, DoorVia.Scan).Granted);
    }

    [Fact]
    public void DecideScanned_SamePassTwice_SecondReplayed()
    {
        var token = _kit.Issue();
        Assert.True(_decider.DecideScanned(token, DoorVia.Scan).Granted);
        Assert.Equal("replayed", _decider.DecideScanned(token, DoorVia.Scan).Reason);
    }

    [Fact]
    public void DecideScanned_RevokedHolder_DeniedRevoked()
    {
        _revocations.RevokeSubjects(["worker-0042"]);
        Assert.Equal("revoked", _decider.DecideScanned(_kit.Issue(), DoorVia.Scan).Reason);
    }

    [Fact]
    public void DecideScanned_CommandToken_NeverOpens()
    {
        var token = _kit.Issue(TokenTestKit.Pass() with { Role = KioskRole.Operator, Cmd = "power", Lifetime = TimeSpan.FromSeconds(60) });
        Assert.Equal("bad_arguments", _decider.DecideScanned(token, DoorVia.Scan).Reason);
        Assert.Equal(PinValue.Low, _rig.LockLine("rest"));
    }

    [Theory]
    [InlineData("checkin")]
    [InlineData("checkout")]
    public void DecideScanned_StewardWithAct_OpensAndRecordsAttendance(string act)
    {
        var token = _kit.Issue(TokenTestKit.Pass("steward-3") with { Role = KioskRole.Steward, Act = act });

        Assert.True(_decider.DecideScanned(token, DoorVia.Scan).Granted);
        var attendance = Assert.Single(_rig.Events(), e => e.Type == "steward." + act);
        Assert.Equal("steward-3", attendance.Fields["sub"]!.GetValue<string>());
        Assert.Equal("rest", attendance.Fields["door"]!.GetValue<string>());
    }

    [Fact]
    public void DecideScanned_MaintenancePass_OpensAndEntersMaintenanceMode()
    {
        var token = _kit.Issue(TokenTestKit.Pass("crew-7") with { Role = KioskRole.Maintenance });

        Assert.True(_decider.DecideScanned(token, DoorVia.Scan).Granted);
        Assert.True(_maintenance.IsActive);
        Assert.Contains(_rig.Events(), e => e.Type == "maintenance.on");
    }

    [Fact]
    public async Task UnlockCommand_Manual_OpensNamedDoorWithoutToken()
    {
        var command = new UnlockCommand(_decider, _rig.Doors);
        var args = JsonDocument.Parse("""{"door":"life"}""").RootElement;

        var result = await command.ExecuteAsync(new CommandRequest("unlock", "r1", CommandVia.Manual, null, "maintenance", args), TestContext.Current.CancellationToken);

        Assert.True(result.Ok);
        var opened = Assert.Single(_rig.Events(), e => e.Type == "door.opened");
        Assert.Equal("manual", opened.Fields["via"]!.GetValue<string>());
        Assert.Equal("life", opened.Fields["door"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnlockCommand_ManualUnknownDoor_FailsAndChangesNothing()
    {
        var command = new UnlockCommand(_decider, _rig.Doors);
        var args = JsonDocument.Parse("""{"door":"sauna"}""").RootElement;

        var result = await command.ExecuteAsync(new CommandRequest("unlock", "r1", CommandVia.Manual, null, "maintenance", args), TestContext.Current.CancellationToken);

        Assert.Equal("unknown_door", result.Error);
        Assert.DoesNotContain(_rig.Events(), e => e.Type == "door.opened");
    }

    [Fact]
    public async Task UnlockCommand_RemoteVerifiedPass_OpensViaRemote()
    {
        var token = _kit.Validator.Validate(_kit.Issue()).Token!;
        var command = new UnlockCommand(_decider, _rig.Doors);

        var result = await command.ExecuteAsync(new CommandRequest("unlock", "r1", CommandVia.Remote, token.Sub, "worker", token.Claims, token), TestContext.Current.CancellationToken);

        Assert.True(result.Ok);
        Assert.Equal("remote", Assert.Single(_rig.Events(), e => e.Type == "door.opened").Fields["via"]!.GetValue<string>());
    }

    public void Dispose()
    {
        _maintenance.Dispose();
        _rig.Dispose();
        _replays.Dispose();
        _revocations.Dispose();
        _kit.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private sealed class FullGate : AccessGate
    {
        public bool Full { get; set; }

        public override string? Refuse(Door door, string role, string sub) => Full ? "full" : null;
    }
}
