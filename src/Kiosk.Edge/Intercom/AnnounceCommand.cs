using System.Text.Json;
using System.Text.RegularExpressions;
using Kiosk.Edge.Commands;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Json;
using Kiosk.Contract.Vocabulary;
using CommandRequest = Kiosk.Edge.Commands.CommandRequest;

namespace Kiosk.Edge.Intercom;

/// <summary>
/// <c>announce</c>: <c>text</c> (spoken by espeak-ng) or <c>clip</c> (a file in the clip folder),
/// exactly one; <c>priority</c> info|urgent (default info); <c>volume</c> 0-100 (default configured).
/// Replies once queued with the queue position (1 = next), not after playing. During quiet hours
/// an info announcement is not queued: the reply is ok with <c>queued: false, suppressed:
/// "quiet_hours"</c>. Anything malformed is <c>bad_arguments</c> and queues nothing.
/// </summary>
internal sealed partial class AnnounceCommand(
    AnnouncementQueue queue,
    QuietHours quiet,
    IntercomOptions options,
    TimeProvider time) : KioskCommand
{
    public override string Name => CommandNames.Announce;

    public override ValueTask<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (Parse(request) is not { } announcement)
        {
            return ValueTask.FromResult(CommandResult.Fail(DenyReasons.BadArguments));
        }

        if (announcement.Priority == AnnouncementPriority.Info && quiet.IsQuiet(time.GetUtcNow()))
        {
            return ValueTask.FromResult(CommandResult.Success(new AnnounceResult(false, Suppressed: "quiet_hours"), ContractJsonContext.Default.AnnounceResult));
        }

        if (queue.TryEnqueue(announcement) is not { } position)
        {
            return ValueTask.FromResult(CommandResult.Fail(DenyReasons.RateLimited));
        }

        return ValueTask.FromResult(CommandResult.Success(new AnnounceResult(true, position), ContractJsonContext.Default.AnnounceResult));
    }

    private Announcement? Parse(CommandRequest request)
    {
        var args = request.Arguments;
        if (args.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var hasText = args.TryGetProperty("text", out var textArg);
        var hasClip = args.TryGetProperty("clip", out var clipArg);
        if (hasText == hasClip)
        {
            return null;
        }

        var priority = AnnouncementPriority.Info;
        if (args.TryGetProperty("priority", out var p))
        {
            switch (p.ValueKind == JsonValueKind.String ? p.GetString() : null)
            {
                case "info": priority = AnnouncementPriority.Info; break;
                case "urgent": priority = AnnouncementPriority.Urgent; break;
                default: return null;
            }
        }

        var volume = options.DefaultVolume;
        if (args.TryGetProperty("volume", out var v))
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || d != Math.Floor(d) || d is < 0 or > 100)
            {
                return null;
            }

            volume = (int)d;
        }

        if (hasText)
        {
            return ValidText(textArg) is { } text ? new Announcement(text, null, null, priority, volume, request.Via) : null;
        }

        return ResolveClip(clipArg) is var (name, path) ? new Announcement(null, name, path, priority, volume, request.Via) : null;
    }

    private string? ValidText(JsonElement arg)
    {
        if (arg.ValueKind != JsonValueKind.String || arg.GetString() is not { } text)
        {
            return null;
        }

        text = text.Trim();
        if (text.Length == 0 || text.Length > options.MaxTextLength || text.Any(c => char.IsControl(c) && c is not ('\n' or '\t' or '\r')))
        {
            return null;
        }

        return text;
    }

    /// <summary>A bare file name in the clip folder: no separators, no "..", nothing hidden; must be a 16-bit PCM WAV.</summary>
    private (string Name, string Path)? ResolveClip(JsonElement arg)
    {
        if (arg.ValueKind != JsonValueKind.String || arg.GetString() is not { } name
            || !ClipName().IsMatch(name) || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var directory = Path.GetFullPath(options.ClipDirectory);
        var file = Path.GetFullPath(Path.Combine(directory, Path.HasExtension(name) ? name : name + ".wav"));
        if (!string.Equals(Path.GetDirectoryName(file), directory.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)
            || WavFile.TryGetDuration(file) is null)
        {
            return null;
        }

        return (name, file);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex ClipName();
}
