using System.CommandLine.Parsing;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Tokens;

namespace Kiosk.Ctl.Tokens;

/// <summary>
/// The values of <c>--arg NAME=VALUE</c>: a command's arguments, carried as extra claims of a command
/// token. VALUE is JSON when it parses as JSON (numbers, true/false, arrays), else a string.
/// </summary>
internal static class CommandArguments
{
    /// <summary>The option's parser: one NAME=VALUE per token; a token without a name, or naming a registered claim, is a usage error.</summary>
    public static Dictionary<string, JsonNode?>? Parse(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var arguments = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var token in result.Tokens)
        {
            var eq = token.Value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                result.AddError($"--arg '{token.Value}': use NAME=VALUE, e.g. --arg circuit=outlet");
                return null;
            }

            var name = token.Value[..eq];
            if (OwnOption(name) is { } own)
            {
                // unlock's door is the door claim, set by --door; an --arg door would be refused at signing.
                result.AddError($"--arg {name}: '{name}' is a claim of its own; give it with {own}");
                return null;
            }

            arguments[name] = Value(token.Value[(eq + 1)..]);
        }

        return arguments;
    }

    /// <summary>The option that sets a registered claim (<see cref="TokenIssuer.IsRegisteredClaim"/>), or null for a free argument name.</summary>
    private static string? OwnOption(string claim) =>
        !TokenIssuer.IsRegisteredClaim(claim) ? null : claim is "iat" or "exp" or "nbf" ? "--ttl" : "--" + claim;

    private static JsonNode? Value(string raw)
    {
        try
        {
            return JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            return JsonValue.Create(raw);
        }
    }
}
