using System.Text.Json;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Json;
using Kiosk.Fleet.Commands;
using Kiosk.Fleet.Kiosks;
using Microsoft.Extensions.Localization;

namespace Kiosk.Fleet.Web.Kiosks;

/// <summary>How the kiosk page words a command's fate: carried out, refused with the kiosk's reason, no reply, or refused before sending.</summary>
internal static class CommandReplies
{
    /// <summary>(kind, text): kind is <c>ok</c>, <c>refused</c>, <c>timeout</c>, <c>unreachable</c>, <c>forbidden</c> or <c>invalid</c> (the page's <c>data-reply</c>).</summary>
    public static (string Kind, string Text) Describe(IStringLocalizer<KioskText> k, string name, CommandAttempt attempt) => attempt switch
    {
        { Status: CommandAttemptStatus.Sent, Outcome: { Status: CommandStatus.Ok } } => ("ok", k["ReplyOk", name]),
        { Status: CommandAttemptStatus.Sent, Outcome: { Status: CommandStatus.Refused } o } => ("refused", k["ReplyRefused", name, o.Error ?? "?"]),
        { Status: CommandAttemptStatus.Sent, Outcome: { Status: CommandStatus.Timeout } } => ("timeout", k["ReplyTimeout", name]),
        { Status: CommandAttemptStatus.Sent } => ("unreachable", k["ReplyUnreachable", name]),
        { Status: CommandAttemptStatus.Forbidden } => ("forbidden", k["ReplyForbidden"]),
        _ => ("invalid", k["ReplyInvalid", attempt.Field ?? "", attempt.Error ?? ""]),
    };

    /// <summary>The diagnostics report of a successful <c>diag</c>; null otherwise or when it does not parse.</summary>
    public static DiagReport? Diag(CommandAttempt attempt)
    {
        if (attempt.Outcome is not { Status: CommandStatus.Ok, Result: { } result })
        {
            return null;
        }

        try
        {
            return result.Deserialize(ContractJsonContext.Default.DiagReport);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
