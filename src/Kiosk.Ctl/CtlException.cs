namespace Kiosk.Ctl;

/// <summary>A failure kioskctl reports as one line on stderr, with <see cref="ExitCode"/> (1 unless said otherwise).</summary>
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

    /// <summary>1 a failure or refusal, 2 a usage error, 3 the service is unreachable.</summary>
    public int ExitCode { get; init; } = 1;
}
