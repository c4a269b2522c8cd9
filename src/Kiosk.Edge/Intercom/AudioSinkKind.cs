namespace Kiosk.Edge.Intercom;

public enum AudioSinkKind
{
    /// <summary>ALSA on the real board, WAV files on the simulated one.</summary>
    Auto,

    /// <summary>aplay on an ALSA device.</summary>
    Alsa,

    /// <summary>WAV files copied to an output folder (simulation and tests).</summary>
    File,
}
