namespace Kiosk.Ctl;

/// <summary>A failure kioskctl reports as one line on stderr with exit code 1.</summary>
internal sealed class CtlException : Exception
{
    public CtlException()
    {
    }

    public CtlException(string message)
        : base(message)
    {
    }

    public CtlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
