using Kiosk.Edge.Configuration;
using Kiosk.Edge.Hardware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>
/// <c>audio</c>: on the board, <c>aplay -l</c> lists a sound card; in simulation, the folder the
/// simulated output writes its WAV files to is writable.
/// </summary>
internal sealed class AudioCheck : DiagnosticCheck
{
    private readonly bool _simulated;
    private readonly ProcessRunner _processes;
    private readonly string _simulatedDirectory;

    private readonly string _aplay;

    /// <summary>Follows the intercom's settings: its WAV output folder and its aplay program.</summary>
    public AudioCheck(Board board, ProcessRunner processes, IOptions<DiagnosticsOptions> options, IOptions<KioskOptions> kiosk, IConfiguration configuration)
        : this(
            board.Kind == BoardKind.Simulated,
            processes,
            options.Value.SimulatedAudioDirectory ?? NonEmpty(configuration["Intercom:OutputDirectory"]) ?? Path.Combine(kiosk.Value.StateDirectory, "audio-out"),
            NonEmpty(configuration["Intercom:AplayPath"]) ?? "aplay")
    {
    }

    internal AudioCheck(bool simulated, ProcessRunner processes, string simulatedDirectory, string aplay = "aplay")
    {
        _simulated = simulated;
        _processes = processes;
        _simulatedDirectory = simulatedDirectory;
        _aplay = aplay;
    }

    public override string Name => "audio";

    public override string Category => "audio";

    public override async ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        if (_simulated)
        {
            return SimulatedSink();
        }

        var r = await _processes.RunAsync(_aplay, ["-l"], cancellationToken).ConfigureAwait(false);
        if (r.Outcome == ProcessOutcome.NotFound)
        {
            return CheckResult.Fail("aplay not found, cannot list sound cards", "install alsa-utils (apt install alsa-utils)");
        }

        var card = r.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("card ", StringComparison.Ordinal));
        if (r.Outcome == ProcessOutcome.Exited && card is not null)
        {
            return CheckResult.Pass(card);
        }

        var why = r.Outcome == ProcessOutcome.TimedOut ? "aplay -l timed out" : $"aplay -l lists no sound card{(r.Error.Trim() is { Length: > 0 } e ? $" ({e.Split('\n')[0]})" : "")}";
        return CheckResult.Fail(why, "check the amplifier/USB audio is connected and its overlay enabled (/boot/firmware/config.txt), the service user is in the audio group, then `aplay -l`");
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private CheckResult SimulatedSink()
    {
        var probe = Path.Combine(_simulatedDirectory, ".diag-write-probe");
        try
        {
            Directory.CreateDirectory(_simulatedDirectory);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return CheckResult.Pass($"simulated audio output: {_simulatedDirectory} writable");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CheckResult.Fail($"simulated audio output: {_simulatedDirectory} not writable ({e.Message})", "give the service write access to that folder or change Diagnostics:SimulatedAudioDirectory");
        }
    }
}
