namespace Kiosk.Edge.Intercom;

/// <summary>Where announcements sound: ALSA on the board, WAV files in simulation.</summary>
internal abstract class AudioSink
{
    /// <summary>Plays a 16-bit PCM WAV and completes when it has finished sounding.</summary>
    public abstract Task PlayAsync(string wavPath, TimeSpan duration, CancellationToken cancellationToken);
}
