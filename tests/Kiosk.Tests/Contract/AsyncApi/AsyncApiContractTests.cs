using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Kiosk.Contract.Events;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;
using Kiosk.Tests.Configuration;

namespace Kiosk.Tests.Contract.AsyncApi;

/// <summary>
/// docs/asyncapi.yaml against the code (Kiosk.Contract, what the kiosk writes): every event type the kiosk can
/// emit with every field under the same JSON name, every command argument, every state section typed. These
/// checks read the document as it is (hand-written or generated); the generated region is also compared with
/// a fresh generation. Regenerate with
/// <c>KIOSK_UPDATE_DOCS=1 dotnet test --project tests/Kiosk.Tests -- --filter-class "*AsyncApiContractTests"</c>.
/// docs/asyncapi.yaml's syntax and semantics are validated by @asyncapi/parser (tests/contract, run by run-all.sh).
/// </summary>
public sealed partial class AsyncApiContractTests
{
    /// <summary>Registered JWT claims and the token's own, which are not command arguments.</summary>
    private static readonly HashSet<string> TokenClaims = new(StringComparer.Ordinal) { "iss", "aud", "sub", "jti", "iat", "exp", "nbf", "role", "cmd" };

    private static readonly AsyncApiDocument Doc = AsyncApiDocument.Load(AsyncApiGenerator.DocPath);

    [Fact]
    public void Events_EveryTypeTheKioskEmits_DocumentedWithTheSameFieldNames()
    {
        var envelope = Names(typeof(EventEnvelope));
        var documented = Doc.EventFields();
        var problems = new List<string>();
        foreach (var (type, info) in ContractJsonContext.EventRegistrations())
        {
            if (!documented.TryGetValue(type, out var fields))
            {
                problems.Add($"{type}: not documented");
                continue;
            }

            var body = Names(info);
            var inDoc = fields.Except(envelope).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(body.Except(inDoc).Select(f => $"{type}: field '{f}' missing"));
            problems.AddRange(inDoc.Except(body).Select(f => $"{type}: documents '{f}', which the kiosk does not send"));
        }

        problems.AddRange(documented.Keys.Except(EventCatalog.TypeNames).Select(t => $"{t}: documented, but the kiosk has no such event"));
        Assert.True(problems.Count == 0, "docs/asyncapi.yaml vs Kiosk.Contract events:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Events_Envelope_DocumentedOnEveryEvent()
    {
        var envelope = Names(typeof(EventEnvelope));
        var message = Doc.EventMessageFields();
        var missing = Doc.EventFields()
            .SelectMany(e => envelope.Except(e.Value).Except(message).Select(f => $"{e.Key}: envelope field '{f}' missing"))
            .ToList();

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Commands_EveryArgument_DocumentedUnderTheNameTheKioskReads()
    {
        var documented = Doc.CommandClaims();
        var problems = new List<string>();
        foreach (var (command, arguments, _) in ContractSchemas.Commands)
        {
            var expected = arguments == typeof(object) ? [] : Names(arguments);
            if (!documented.TryGetValue(command, out var claims))
            {
                problems.Add($"{command}: not documented");
                continue;
            }

            var args = claims.Except(TokenClaims).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(expected.Except(args).Select(a => $"{command}: argument '{a}' missing"));
            problems.AddRange(args.Except(expected).Select(a => $"{command}: documents argument '{a}', which the kiosk does not read"));
        }

        Assert.True(problems.Count == 0, "docs/asyncapi.yaml vs Kiosk.Contract commands:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void State_EverySection_DocumentedAndTyped()
    {
        var sections = Doc.StateSections();
        var problems = new List<string>();
        foreach (var name in Names(typeof(KioskState)))
        {
            if (!sections.TryGetValue(name, out var schema))
            {
                problems.Add($"state.{name}: not documented");
            }
            else if (schema["properties"] is null && schema["additionalProperties"] is null && schema["type"]?.GetValue<string>() is null or "object")
            {
                problems.Add($"state.{name}: untyped (no properties)");
            }
        }

        Assert.True(problems.Count == 0, "docs/asyncapi.yaml vs Kiosk.Contract state:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Code_EveryJournalAppendLiteral_IsARegisteredEventType()
    {
        var unknown = Directory.EnumerateFiles(RepoFiles.PathOf("src", "Kiosk.Edge"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => AppendLiteral().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Type: m.Groups[1].Value)))
            .Where(x => !EventCatalog.TypeNames.Contains(x.Type))
            .Select(x => $"{x.File}: {x.Type}")
            .ToList();

        Assert.True(unknown.Count == 0, "events appended by name that Kiosk.Contract does not register (so the AsyncAPI check cannot see them):\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void GeneratedRegion_MatchesKioskContract()
    {
        var expected = AsyncApiGenerator.Region();
        var current = AsyncApiGenerator.Current();
        Assert.True(current is not null, "docs/asyncapi.yaml lacks the generated-region markers");
        var (doc, start, length) = current.Value;
        if (doc.Substring(start, length) != expected && Environment.GetEnvironmentVariable("KIOSK_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(AsyncApiGenerator.DocPath, doc[..start] + expected + doc[(start + length)..]);
            return;
        }

        Assert.True(doc.Substring(start, length) == expected, "docs/asyncapi.yaml's generated schemas are out of date with Kiosk.Contract; regenerate (see this class's summary)");
    }

    private static HashSet<string> Names(JsonTypeInfo info) => Names(info.Type);

    private static HashSet<string> Names(Type type) =>
        [.. ContractSchemas.Fields(type).Where(f => !f.Extension).Select(f => f.Name)];

    [GeneratedRegex(@"\.Append\(\s*""([a-z]+\.[a-z_]+)""")]
    private static partial Regex AppendLiteral();
}
