using Kiosk.Edge.Configuration;
using Kiosk.Edge.Events;
using Kiosk.Edge.Health;
using Kiosk.Edge.Messaging;
using Kiosk.Edge.Messaging.Commands;
using Kiosk.Edge.Messaging.Connection;
using Kiosk.Edge.Messaging.Events;
using Kiosk.Edge.Messaging.Status;
using Kiosk.Edge.Security;
using Kiosk.Edge.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Contract;

/// <summary>status (birth, offline), the link and health sections, system.started, events.dropped, and the command envelope replies.</summary>
public sealed class MessagingGoldenTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("messaging-golden-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly StateBoard _board = new();

    [Fact]
    public void Status_BirthAndOffline_MatchGolden()
    {
        using var journal = new EventJournal(Path.Combine(_dir, "e.db"), new EventJournalOptions(), _time);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Doors:Default"] = "rest",
            ["Doors:Cabins:rest:Capacity"] = "6",
            ["Doors:Cabins:rest:LockPin"] = "17",
            ["Doors:Cabins:life:Capacity"] = "2",
        }).Build();
        var kiosk = new KioskOptions
        {
            Id = "tyyz-0007",
            Station = { Code = "TYYZ-07", Name = "Yangzi Rd rest station", Address = "88 Yangzi Rd", Latitude = 31.2304, Longitude = 121.4737, Amenities = ["hot_water", "microwave", "charging"] },
        };
        var messages = new StatusMessages(Options.Create(kiosk), configuration, journal);

        GoldenFile.Match("status/birth", Json(messages.Birth(_time.GetUtcNow())).Replace(StatusMessages.Version, "0.0.0-golden", StringComparison.Ordinal));
        GoldenFile.Match("status/offline", Json(messages.Offline(_time.GetUtcNow())));
    }

    [Fact]
    public async Task Events_StartedAndDropped_MatchGolden()
    {
        using var journal = new EventJournal(Path.Combine(_dir, "e.db"), new EventJournalOptions { MaxPendingEvents = 10 }, _time);
        await new StartupRecorder(journal).StartAsync(TestContext.Current.CancellationToken);
        GoldenFile.Match("events/system.started", NormalizeVersion(journal.ReadAfter(0, 1)[0]));
        for (var i = 0; i < 12; i++)
        {
            journal.Append(new Kiosk.Contract.Events.DoorClosed("rest"));
        }

        foreach (var e in journal.ReadPending(100))
        {
            journal.MarkPublished(e.Seq);
        }

        using var link = Link();
        using var drops = new DropReportStore(Path.Combine(_dir, "outbox.db"));
        var publisher = new EventOutboxPublisher(link, journal, drops, Options.Create(new MqttOptions()), _time, NullLogger<EventOutboxPublisher>.Instance);
        await publisher.DrainOnceAsync(TestContext.Current.CancellationToken);

        GoldenFile.MatchEvent("events.dropped", Assert.Single(journal.ReadAfter(0, 100), e => e.Type == "events.dropped"));
        GoldenFile.Match("state/link", _board.Get("link")!.ToJsonString());
    }

    [Fact]
    public void State_Health_MatchesGolden()
    {
        var health = new HealthMonitor(_time, _board, Options.Create(new HealthOptions
        {
            Loops = { [HealthMonitor.DoorLoop] = TimeSpan.FromSeconds(5) },
            StartupGrace = TimeSpan.FromSeconds(30),
            RequireBroker = true,
        }));
        health.Beat(HealthMonitor.DoorLoop);
        health.Report(HealthMonitor.Storage, ok: true);
        health.Report(HealthMonitor.Broker, ok: false, "connection refused");
        _time.Advance(TimeSpan.FromSeconds(2));
        health.Evaluate();

        GoldenFile.Match("state/health", _board.Get("health")!.ToJsonString());
    }

    [Fact]
    public async Task Replies_EnvelopeErrorsAndRevoke_MatchGolden()
    {
        using var revocations = new RevocationList(Path.Combine(_dir, "revocations.db"), TimeSpan.FromMinutes(6), _time);
        using var replies = new ReplyHarness(_time, [new RevokeCommand(revocations), new SlowCommand()], executionTimeout: TimeSpan.FromMilliseconds(1));

        GoldenFile.Match("replies/revoke", await replies.ReplyAsync("revoke", "r-revoke", """{"cmd":"revoke","subs":["worker-0042","worker-0043"],"jtis":"j-1"}"""));
        GoldenFile.Match("replies/error-expired", await replies.ReplyAsync("revoke", "r-expired", """{"deny":"expired"}"""));
        GoldenFile.Match("replies/error-malformed", await replies.SendAsync("revoke", """{"token":"x"}"""));
        GoldenFile.Match("replies/error-malformed-id", await replies.SendAsync("revoke", """{"id":"r-notoken"}"""));
        GoldenFile.Match("replies/error-timeout", await replies.ReplyAsync("slow", "r-slow", """{"cmd":"slow"}"""));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Json(Kiosk.Contract.Status.StatusMessage m) =>
        System.Text.Json.JsonSerializer.Serialize(m, Kiosk.Contract.Json.ContractJsonContext.Default.StatusMessage);

    private static string NormalizeVersion(KioskEvent e) =>
        GoldenFile.NormalizeEventId(e.ToJson()).Replace("\"version\":\"" + StatusMessages.Version + "\"", "\"version\":\"0.0.0-golden\"", StringComparison.Ordinal);

    private MqttLink Link() => new(
        Options.Create(new MqttOptions { Host = "broker.invalid" }), Options.Create(new KioskOptions { Id = "tyyz-0007" }), _board, _time);

    /// <summary>Runs until cancelled, so the processor's execution timeout answers.</summary>
    private sealed class SlowCommand : Kiosk.Edge.Commands.KioskCommand
    {
        public override string Name => "slow";

        public override async ValueTask<Kiosk.Edge.Commands.CommandResult> ExecuteAsync(Kiosk.Edge.Commands.CommandRequest request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
            return Kiosk.Edge.Commands.CommandResult.Success();
        }
    }
}
