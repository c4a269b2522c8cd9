using System.CommandLine.Parsing;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Tokens;

/// <summary>
/// The values of <c>--arg NAME=VALUE</c>: a command's arguments, carried as extra claims of a command
/// token. VALUE is JSON when it parses as JSON (numbers, true/false, arrays), else a string.
/// </summary>
internal static class CommandArguments
{
    /// <summary>The option's parser: one NAME=VALUE per token; a token without a name is a usage error.</summary>
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

            arguments[token.Value[..eq]] = Value(token.Value[(eq + 1)..]);
        }

        return arguments;
    }

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
