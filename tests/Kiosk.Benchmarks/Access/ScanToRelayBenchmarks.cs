using System.Device.Gpio;
using BenchmarkDotNet.Attributes;
using Kiosk.Edge.Access;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Security;
using Kiosk.Edge.TrustedTime;
using Kiosk.Edge.State;
using Kiosk.Tokens;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Benchmarks.Access;

/// <summary>
/// From the scanned text to the lock relay: token checks, door checks, the replay store's durable
/// insert, the relay write and the durable <c>door.opened</c> record (SQLite, synchronous=FULL), on the
/// simulated chip. <see cref="RelayOnly"/> isolates the part before the relay line changes.
/// </summary>
[MemoryDiagnoser]
public class ScanToRelayBenchmarks
{
    private const int Batch = 64;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly Queue<string> _passes = new();
    private string _dir = "";
    private TokenIssuer _issuer = null!;
    private AccessDecider _decider = null!;
    private DoorRegistry _doors = null!;
    private SimulatedGpioDriver _chip = null!;
    private EventJournal _journal = null!;
    private ReplayStore _replays = null!;
    private RevocationList _revocations = null!;
    private long _relayTicks;
    private long _relayEdges;
    private long _startTicks;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("bench-access-").FullName;
        var (privatePem, publicPem) = KeyPairGenerator.CreateP256();
        var store = TrustStore.Create([TrustedKey.FromPem("k1", "https://issuer.example", publicPem, [KioskRole.Worker])]);
        // The service's wiring: the validator checks time against the trusted-time floor.
        var clock = new TrustedClock(_time, null, TimeSpan.FromDays(7));
        var validator = new TrustedTokenValidator(
            new TokenValidator(store, new TokenValidationOptions { Audiences = ["bench-0001"] }, clock),
            clock,
            new ClockAheadDetector(_time, TimeSpan.FromMinutes(6)),
            NullLogger<TrustedTokenValidator>.Instance);
        _issuer = new TokenIssuer(privatePem, "k1", _time);
        _chip = new SimulatedGpioDriver();
        _chip.OutputChanged += (pin, value) =>
        {
            if (pin == 17 && value == PinValue.High)
            {
                _relayTicks += System.Diagnostics.Stopwatch.GetTimestamp() - _startTicks;
                _relayEdges++;
            }
        };
        var board = new Board(_chip, TimeSpan.FromMilliseconds(30));
        _journal = new EventJournal(Path.Combine(_dir, "events.db"), new EventJournalOptions { MaxPendingEvents = 10_000_000 }, _time);
        var options = new DoorsOptions
        {
            Default = "rest",
            Cabins = { ["rest"] = new DoorOptions { LockPin = 17, FailMode = DoorFailMode.FailSecure, ContactPin = 27, ExitButtonPin = 16 } },
        };
        var state = new StateBoard();
        var pins = new PinRegistry(board, [new OptionsPinClaimSource<DoorsOptions>(Options.Create(options), DoorFactory.Claims)]);
        _doors = DoorFactory.Create(options, board, pins, _journal, state, _time, NullLoggerFactory.Instance);
        _doors.Start();
        _replays = new ReplayStore(Path.Combine(_dir, "replay.db"), _time);
        _revocations = new RevocationList(Path.Combine(_dir, "revocations.db"), TimeSpan.FromMinutes(6), _time);
        var authority = new PassAuthority(validator, _revocations, _replays, new SubjectRateLimiter(1000, TimeSpan.FromMinutes(1), 100_000, _time), TimeSpan.FromSeconds(30), NullLogger<PassAuthority>.Instance);
        var maintenance = new MaintenanceMode(_journal, state, _time, Options.Create(new MaintenanceOptions()));
        _decider = new AccessDecider(validator, authority, _doors, [], maintenance, _journal, NullLogger<AccessDecider>.Instance);
    }

    [IterationSetup]
    public void IssueBatch()
    {
        // Every pass is used once: a fresh batch per iteration keeps each scan a grant, not a replay.
        for (var i = 0; i < Batch; i++)
        {
            _passes.Enqueue(NewPass(i));
        }

        _doors.Default.Lock(DoorVia.Manual);
    }

    /// <summary>The whole decision, including both durable SQLite writes.</summary>
    [Benchmark(OperationsPerInvoke = 1)]
    [InvocationCount(Batch)]
    public bool ScanToRelay()
    {
        _doors.Default.Lock(DoorVia.Manual);
        _startTicks = System.Diagnostics.Stopwatch.GetTimestamp();
        return _decider.DecideScanned(_passes.Count > 0 ? _passes.Dequeue() : NewPass(0), DoorVia.Scan).Granted;
    }

    private string NewPass(int i) =>
        _issuer.Issue(new TokenDescriptor { Issuer = "https://issuer.example", Audiences = ["bench-0001"], Subject = "worker-" + (i % 50) });

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// scan-to-relay edge, mean of {_relayEdges}: {(_relayEdges == 0 ? 0 : _relayTicks * 1_000_000.0 / System.Diagnostics.Stopwatch.Frequency / _relayEdges):F1} us");
        _doors.Dispose();
        _journal.Dispose();
        _replays.Dispose();
        _revocations.Dispose();
        _issuer.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
