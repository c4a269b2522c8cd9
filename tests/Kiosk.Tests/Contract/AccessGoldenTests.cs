using Kiosk.Edge.Access;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Messaging.Commands;
using Kiosk.Edge.Security;
using Kiosk.Tests.Doors;
using Kiosk.Tests.Tokens;
using Kiosk.Tests.TrustedTime;
using Kiosk.Tokens;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Contract;

/// <summary>Denials, steward attendance, maintenance by pass and the unlock reply, as the access code produces them.</summary>
public sealed class AccessGoldenTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("access-golden-").FullName;
    private readonly TokenTestKit _kit = new(KioskRole.Worker, KioskRole.Steward, KioskRole.Maintenance, KioskRole.Operator);
    private readonly DoorRig _rig;
    private readonly ReplayStore _replays;
    private readonly RevocationList _revocations;
    private readonly AccessDecider _decider;

    public AccessGoldenTests()
    {
        _rig = new DoorRig(o => o.Cabins["life"].AllowedRoles = ["steward", "maintenance"]);
        _replays = new ReplayStore(Path.Combine(_dir, "replay.db"), _kit.Time);
        _revocations = new RevocationList(Path.Combine(_dir, "revocations.db"), TimeSpan.FromMinutes(6), _kit.Time);
        var authority = new PassAuthority(
            TrustedValidation.For(_kit), _revocations, _replays, new SubjectRateLimiter(6, TimeSpan.FromMinutes(1), 100, _kit.Time),
            TimeSpan.FromSeconds(30), NullLogger<PassAuthority>.Instance);
        var maintenance = new MaintenanceMode(_rig.Journal, _rig.State, _rig.Time, Options.Create(new MaintenanceOptions()));
        _decider = new AccessDecider(TrustedValidation.For(_kit), authority, _rig.Doors, [], maintenance, _rig.Journal, NullLogger<AccessDecider>.Instance);
    }

    [Fact]
    public void Events_DeniedCheckinCheckoutMaintenance_MatchGolden()
    {
        var pass = _kit.Issue();
        _decider.DecideScanned(pass, DoorVia.Scan);
        _decider.DecideScanned(pass, DoorVia.Scan);
        _decider.DecideScanned("hello", DoorVia.Scan);
        _decider.DecideScanned(_kit.Issue(TokenTestKit.Pass("steward-3") with { Role = KioskRole.Steward, Act = "checkin" }), DoorVia.Scan);
        _decider.DecideScanned(_kit.Issue(TokenTestKit.Pass("steward-3") with { Role = KioskRole.Steward, Act = "checkout" }), DoorVia.Scan);
        _decider.DecideScanned(_kit.Issue(TokenTestKit.Pass("maint-1") with { Role = KioskRole.Maintenance }), DoorVia.Scan);

        var events = _rig.Events();
        GoldenFile.MatchEvent("door.denied", events.First(e => e.Type == "door.denied" && e.Fields["sub"] is not null));
        GoldenFile.MatchEvent("door.denied-malformed", events.First(e => e.Type == "door.denied" && e.Fields["sub"] is null));
        GoldenFile.MatchEvent("steward.checkin", Assert.Single(events, e => e.Type == "steward.checkin"));
        GoldenFile.MatchEvent("steward.checkout", Assert.Single(events, e => e.Type == "steward.checkout"));
        GoldenFile.MatchEvent("maintenance.on-scan", Assert.Single(events, e => e.Type == "maintenance.on"));
    }

    [Fact]
    public async Task Replies_Unlock_MatchGolden()
    {
        var verifier = new ValidatorTokenVerifier(TrustedValidation.For(_kit), (_, _) => ValueTask.FromResult<string?>(null));
        using var replies = new ReplyHarness(_rig.Time, [new UnlockCommand(_decider, _rig.Doors)], verifier: verifier);

        GoldenFile.Match("replies/unlock", await replies.ReplyAsync("unlock", "r-unlock", _kit.Issue()));
        GoldenFile.Match("replies/error-wrong_audience", await replies.ReplyAsync("unlock", "r-aud", _kit.Issue(TokenTestKit.Pass() with { Audiences = ["elsewhere-01"] })));
        GoldenFile.Match("replies/error-unknown_command", await replies.ReplyAsync("open_sesame", "r-unknown", _kit.Issue()));
    }

    public void Dispose()
    {
        _replays.Dispose();
        _revocations.Dispose();
        _rig.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
