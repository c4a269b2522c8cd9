using Kiosk.Ctl;
using Kiosk.Edge.Commands;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Control;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Actuators;
using Kiosk.Edge.Diagnostics.Control;
using Kiosk.Edge.Doors.Commands;
using Kiosk.Tests.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Ctl;

/// <summary>
/// A control server on a temporary socket with the diagnostics operations over a simulated
/// two-cabin kiosk, and kioskctl run in-process against it.
/// </summary>
public sealed class CtlFixture : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ControlServer _server;

    private CtlFixture(IReadOnlyList<DiagnosticCheck> checks)
    {
        Kiosk = new TestKiosk();
        Maintenance = new MaintenanceMode(Kiosk.Journal, Kiosk.State, Kiosk.Time, Options.Create(new MaintenanceOptions()));
        var kioskOptions = Options.Create(new KioskOptions { Id = "test-0001", RuntimeDirectory = Kiosk.Directory });
        var runner = new DiagnosticsRunner(checks, TimeSpan.FromSeconds(5), "test-0001", Kiosk.Time);
        var router = new CommandRouter([new LockCommand(Kiosk.Doors), new ModeCommand(Kiosk.Doors), new DiagCommand(runner, Kiosk.Journal)]);
        // The actuator waits on the real clock here: the test waits for the answer, with a short pulse.
        var lockTest = new LockActuator(Kiosk.Doors, Kiosk.Board, Options.Create(new DiagnosticsOptions { ActuatePulse = TimeSpan.FromMilliseconds(100) }), TimeProvider.System);
        _server = new ControlServer(
            [
                new DiagOperation(runner),
                new MaintenanceOperation(Maintenance, Kiosk.State),
                new ActuateOperation([lockTest], Maintenance, Kiosk.Journal),
                new CommandOperation(router),
                new StatusOperation(kioskOptions, Kiosk.State, Kiosk.Journal, Kiosk.Time),
                new EventsOperation(Kiosk.Journal),
            ],
            Options.Create(new ControlOptions()),
            kioskOptions,
            NullLogger<ControlServer>.Instance);
    }

    internal TestKiosk Kiosk { get; }

    internal MaintenanceMode Maintenance { get; }

    public string SocketPath => _server.SocketPath;

    internal static async Task<CtlFixture> StartAsync(params DiagnosticCheck[] checks)
    {
        var f = new CtlFixture(checks);
        await f._server.StartAsync(f._stop.Token);
        await f._server.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        return f;
    }

    /// <summary>Runs kioskctl with --socket pointing here; returns exit code, stdout, stderr.</summary>
    public Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>Runs kioskctl with --socket pointing here and <paramref name="stdin"/> as what the crew types.</summary>
    public async Task<(int Code, string Out, string Err)> RunWithInputAsync(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        var code = await CtlApp.RunAsync(["--socket", SocketPath, .. args], CtlIo.Plain(stdout, stderr, input), TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _server.StopAsync(CancellationToken.None);
        _server.Dispose();
        _stop.Dispose();
        Maintenance.Dispose();
        Kiosk.Dispose();
    }
}
