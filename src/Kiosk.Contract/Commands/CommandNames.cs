namespace Kiosk.Contract.Commands;

/// <summary>The v1 command names: the last level of <c>{root}/{kioskId}/cmd/{name}</c> and the token's <c>cmd</c> claim.</summary>
public static class CommandNames
{
    /// <summary>Open a door with a pass (<see cref="UnlockArguments"/>, result <see cref="UnlockResult"/>).</summary>
    public const string Unlock = "unlock";

    /// <summary>Lock a door now (<see cref="LockArguments"/>, result <see cref="LockResult"/>).</summary>
    public const string Lock = "lock";

    /// <summary>Set a door's mode (<see cref="ModeArguments"/>, result <see cref="ModeResult"/>).</summary>
    public const string Mode = "mode";

    /// <summary>Switch or reset a circuit (<see cref="PowerArguments"/>, result <see cref="PowerResult"/>).</summary>
    public const string Power = "power";

    /// <summary>Speak a text or play a clip (<see cref="AnnounceArguments"/>, result <see cref="AnnounceResult"/>).</summary>
    public const string Announce = "announce";

    /// <summary>Acknowledge a help call (no arguments, result <see cref="AckHelpResult"/>).</summary>
    public const string AckHelp = "ack_help";

    /// <summary>Run diagnostics (<see cref="DiagArguments"/>, result <see cref="DiagReport"/>).</summary>
    public const string Diag = "diag";

    /// <summary>Revoke holders or passes (<see cref="RevokeArguments"/>, result <see cref="RevokeResult"/>).</summary>
    public const string Revoke = "revoke";

    /// <summary>Every v1 command name.</summary>
    public static IReadOnlyList<string> All { get; } = [Unlock, Lock, Mode, Power, Announce, AckHelp, Diag, Revoke];
}
