namespace Kiosk.Edge.Control;

/// <summary>A refusal the control socket reports to kioskctl as <c>{"ok":false,"error":message}</c>.</summary>
public sealed class ControlException : Exception
{
    public ControlException()
    {
    }

    public ControlException(string message)
        : base(message)
    {
    }

    public ControlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
