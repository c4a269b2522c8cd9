using System.Text.Json;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Vocabulary;

namespace Kiosk.Fleet.Commands;

/// <summary>
/// The v1 commands (contract section 3) and their arguments, checked before anything is signed or
/// sent: a bad argument is a 400 naming the field, and no kiosk hears of it.
/// </summary>
internal static class CommandCatalog
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(CommandNames.All, StringComparer.Ordinal);

    /// <summary>Null when the arguments are acceptable, else (field, problem).</summary>
    public static (string Field, string Error)? Check(string name, JsonElement args)
    {
        if (args.ValueKind != JsonValueKind.Object)
        {
            return ("body", "must be a JSON object of the command's arguments");
        }

        var allowed = name switch
        {
            CommandNames.Unlock or CommandNames.Lock => ["door"],
            CommandNames.Mode => ["door", "mode"],
            CommandNames.Power => ["circuit", "action"],
            CommandNames.Announce => ["text", "clip", "priority", "volume"],
            CommandNames.AckHelp => [],
            CommandNames.Diag => ["checks"],
            CommandNames.Revoke => new[] { "subs", "jtis" },
            _ => null,
        };
        if (allowed is null)
        {
            return ("name", $"unknown command '{name}'");
        }

        foreach (var p in args.EnumerateObject())
        {
            if (!allowed.Contains(p.Name))
            {
                return (p.Name, $"is not an argument of '{name}' (allowed: {(allowed.Length == 0 ? "none" : string.Join(", ", allowed))})");
            }
        }

        return name switch
        {
            CommandNames.Unlock or CommandNames.Lock => OptionalString(args, "door", 64),
            CommandNames.Mode => OptionalString(args, "door", 64) ?? OneOf(args, "mode", required: true, DoorModes.Normal, DoorModes.HoldOpen, DoorModes.OutOfService),
            CommandNames.Power => RequiredString(args, "circuit", 64) ?? OneOf(args, "action", required: true, PowerActions.On, PowerActions.Off, PowerActions.Reset),
            CommandNames.Announce => Announce(args),
            CommandNames.Diag => StringList(args, "checks", required: false, 64),
            CommandNames.Revoke => Revoke(args),
            _ => null,
        };
    }

    private static (string, string)? Announce(JsonElement args)
    {
        var hasText = args.TryGetProperty("text", out _);
        var hasClip = args.TryGetProperty("clip", out _);
        if (hasText == hasClip)
        {
            return ("text", "give exactly one of 'text' or 'clip'");
        }

        if ((hasText ? RequiredString(args, "text", 500) : RequiredString(args, "clip", 128)) is { } bad)
        {
            return bad;
        }

        if (OneOf(args, "priority", required: false, "info", "urgent") is { } badPriority)
        {
            return badPriority;
        }

        if (args.TryGetProperty("volume", out var v) && !(v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var volume) && volume is >= 0 and <= 100))
        {
            return ("volume", "must be an integer from 0 to 100");
        }

        return null;
    }

    private static (string, string)? Revoke(JsonElement args)
    {
        if ((StringList(args, "subs", required: false, 128) ?? StringList(args, "jtis", required: false, 128)) is { } bad)
        {
            return bad;
        }

        return args.TryGetProperty("subs", out _) || args.TryGetProperty("jtis", out _) ? null : ("subs", "give 'subs' or 'jtis' (arrays of strings)");
    }

    private static (string, string)? RequiredString(JsonElement args, string name, int max) =>
        args.TryGetProperty(name, out _) ? OptionalString(args, name, max) : (name, "is required");

    private static (string, string)? OptionalString(JsonElement args, string name, int max) =>
        !args.TryGetProperty(name, out var v) || (v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s && s.Length <= max)
            ? null
            : (name, $"must be a non-empty string of at most {max} characters");

    private static (string, string)? OneOf(JsonElement args, string name, bool required, params string[] values)
    {
        if (!args.TryGetProperty(name, out var v))
        {
            return required ? (name, $"is required: one of {string.Join(", ", values)}") : null;
        }

        return v.ValueKind == JsonValueKind.String && values.Contains(v.GetString()) ? null : (name, $"must be one of {string.Join(", ", values)}");
    }

    private static (string, string)? StringList(JsonElement args, string name, bool required, int max)
    {
        if (!args.TryGetProperty(name, out var v))
        {
            return required ? (name, "is required") : null;
        }

        return v.ValueKind == JsonValueKind.Array && v.GetArrayLength() is > 0 and <= 1000
            && v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } s && s.Length <= max)
            ? null
            : (name, $"must be an array of 1 to 1000 non-empty strings of at most {max} characters");
    }
}
