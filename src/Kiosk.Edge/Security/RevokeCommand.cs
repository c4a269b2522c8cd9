using System.Text.Json;
using Kiosk.Edge.Commands;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Json;
using Kiosk.Contract.Vocabulary;
using CommandRequest = Kiosk.Edge.Commands.CommandRequest;

namespace Kiosk.Edge.Security;

/// <summary>
/// <c>revoke</c>: arguments <c>subs</c> and/or <c>jtis</c>, each a string or an array of strings.
/// (In a command token <c>sub</c> and <c>jti</c> are the operator's own id and the token's id, so the
/// lists to revoke need their own names.) All entries are applied in one transaction or none.
/// </summary>
internal sealed class RevokeCommand(RevocationList revocations) : KioskCommand
{
    private const int MaxEntries = 1000;
    private const int MaxIdLength = 128;

    public override string Name => CommandNames.Revoke;

    public override IReadOnlySet<string>? AllowedRoles { get; } = new HashSet<string>(StringComparer.Ordinal) { "operator" };

    public override ValueTask<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Arguments.ValueKind != JsonValueKind.Object
            || !TryList(request.Arguments, "subs", out var subs)
            || !TryList(request.Arguments, "jtis", out var jtis)
            || subs.Count + jtis.Count is 0 or > MaxEntries)
        {
            return ValueTask.FromResult(CommandResult.Fail(DenyReasons.BadArguments));
        }

        var newSubs = subs.Count > 0 ? revocations.RevokeSubjects(subs) : 0;
        var newJtis = jtis.Count > 0 ? revocations.RevokeTokens(jtis) : 0;
        return ValueTask.FromResult(CommandResult.Success(new RevokeResult(subs.Count, jtis.Count, newSubs + newJtis), ContractJsonContext.Default.RevokeResult));
    }

    private static bool TryList(JsonElement arguments, string name, out List<string> values)
    {
        values = [];
        if (!arguments.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            return TryAdd(element, values);
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() > MaxEntries)
        {
            return false;
        }

        foreach (var item in element.EnumerateArray())
        {
            if (!TryAdd(item, values))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryAdd(JsonElement item, List<string> values)
    {
        if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 and <= MaxIdLength } value)
        {
            return false;
        }

        values.Add(value);
        return true;
    }
}
