namespace Kiosk.Edge.Intercom;

/// <summary>A helper program (espeak-ng, aplay) could not do its job.</summary>
public sealed class ExternalProcessException : Exception
{
    public ExternalProcessException()
    {
    }

    public ExternalProcessException(string message)
        : base(message)
    {
    }

    public ExternalProcessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
