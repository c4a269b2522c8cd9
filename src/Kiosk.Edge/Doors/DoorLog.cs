using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Doors;

/// <summary>The door's log lines (pseudonymous <c>sub</c> only; never a token).</summary>
internal static partial class DoorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Door {Door} opened via {Via} (sub {Sub})")]
    public static partial void Opened(ILogger logger, string door, string via, string sub);

    [LoggerMessage(Level = LogLevel.Information, Message = "Door {Door} locked via {Via}")]
    public static partial void Locked(ILogger logger, string door, string via);

    [LoggerMessage(Level = LogLevel.Information, Message = "Door {Door} mode {Mode} via {Via}")]
    public static partial void Mode(ILogger logger, string door, string mode, string via);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Door {Door} held open longer than {Limit}")]
    public static partial void HeldOpen(ILogger logger, string door, TimeSpan limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Door {Door} forced open: it opened while locked")]
    public static partial void ForcedOpen(ILogger logger, string door);
}
