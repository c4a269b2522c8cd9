namespace Kiosk.Edge.Intercom;

/// <summary>
/// The simulated loudspeaker: each announcement becomes a WAV file in the output folder, and
/// "plays" for its duration on the injected clock, so the amplifier timeline is the real one.
/// </summary>
internal sealed class FileAudioSink(string outputDirectory, TimeProvider time) : AudioSink
{
    private readonly Lock _gate = new();
    private readonly List<string> _played = [];
    private int _seq;

    /// <summary>The files written so far, oldest first.</summary>
    public IReadOnlyList<string> Played
    {
        get
        {
            lock (_gate)
            {
                return [.. _played];
            }
        }
    }

    public override async Task PlayAsync(string wavPath, TimeSpan duration, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        var sounding = Task.Delay(duration, time, cancellationToken);
        var name = $"{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Interlocked.Increment(ref _seq):D4}.wav";
        var target = Path.Combine(outputDirectory, name);
        File.Copy(wavPath, target, overwrite: true);
        lock (_gate)
        {
            _played.Add(target);
        }

        await sounding.ConfigureAwait(false);
    }
}
