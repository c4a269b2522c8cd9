using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kiosk.Contract.Events;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;
using Kiosk.Contract.Status;
using Kiosk.Contract.Telemetry;

namespace Kiosk.Tests.Contract.AsyncApi;

/// <summary>
/// docs/asyncapi.yaml against the C# nullable annotations of Kiosk.Contract: every member that may be null
/// (<c>string?</c>, <c>int?</c>, a nullable record) must be documented so that a schema validator accepts
/// null there (<c>type: [X, "null"]</c>, or one of a reference and null). A backend validating the kiosk's
/// messages against the document must never reject what the contract allows. Reads the document as it is,
/// so a hand edit or a generator change that drops a null fails here.
/// </summary>
public sealed class AsyncApiNullableTests
{
    private static readonly AsyncApiDocument Doc = AsyncApiDocument.Load(AsyncApiGenerator.DocPath);

    [Fact]
    public void Schemas_EveryNullableMember_AllowsNullInTheDocument()
    {
        var problems = new List<string>();
        var checkedMembers = new List<string>();
        foreach (var (where, type, schema) in DocumentedTypes())
        {
            var properties = Doc.RawProperties(schema);
            foreach (var field in ContractSchemas.Fields(type).Where(f => f.Nullable))
            {
                checkedMembers.Add($"{where}.{field.Name}");
                if (properties.TryGetValue(field.Name, out var property) && !Doc.AllowsNull(property))
                {
                    problems.Add($"{where}.{field.Name}: {type.Name}.{field.Member} may be null, but the document does not allow null");
                }
            }
        }

        // Guards against a vacuous pass (e.g. annotations no longer read): known nullable members are among those checked.
        Assert.Contains("door.denied.sub", checkedMembers);
        Assert.Contains("DiagCheck.hint", checkedMembers);
        Assert.True(problems.Count == 0, "docs/asyncapi.yaml vs Kiosk.Contract nullable members:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Schemas_NullableMemberLeftOutWhenNull_NotRequired()
    {
        var problems = new List<string>();
        foreach (var (where, type, schema) in DocumentedTypes())
        {
            var required = Doc.RawRequired(schema);
            foreach (var field in ContractSchemas.Fields(type).Where(f => f.Nullable && required.Contains(f.Name) && !AlwaysWritten(type, f.Member)))
            {
                problems.Add($"{where}.{field.Name}: the kiosk leaves {type.Name}.{field.Member} out when null, but the document requires it");
            }
        }

        Assert.True(problems.Count == 0, "docs/asyncapi.yaml vs Kiosk.Contract (WhenWritingNull):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void AllowsNull_SchemaShapes_ReadAsAValidatorWould()
    {
        Assert.True(Doc.AllowsNull(new JsonObject { ["type"] = new JsonArray("string", "null") }));
        Assert.True(Doc.AllowsNull(new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/Timestamp" }, new JsonObject { ["type"] = "null" }) }));
        Assert.True(Doc.AllowsNull(new JsonObject { ["description"] = "any JSON" }));
        Assert.False(Doc.AllowsNull(new JsonObject { ["type"] = "string" }));
        Assert.False(Doc.AllowsNull(new JsonObject { ["description"] = "d", ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/Timestamp" }) }));
    }

    /// <summary>
    /// Each contract type with its own schema in the document: the events (envelope and body flat, named by
    /// type), the command claims (arguments inline), and every record reachable from the results, the state,
    /// the status and the telemetry message (named after the type).
    /// </summary>
    private static IEnumerable<(string Where, Type Type, JsonObject Schema)> DocumentedTypes()
    {
        foreach (var (typeName, info) in ContractJsonContext.EventRegistrations())
        {
            var schema = (JsonObject)Doc.Schemas[ContractSchemas.EventSchemaName(info.Type)]!;
            yield return (typeName, typeof(EventEnvelope), schema);
            yield return (typeName, info.Type, schema);
        }

        var claims = (JsonArray)Doc.Resolve(Doc.Schemas["CommandClaims"]!)["oneOf"]!;
        foreach (var (command, arguments, _) in ContractSchemas.Commands.Where(c => c.Arguments != typeof(object)))
        {
            var variant = claims.OfType<JsonObject>().First(v => v["title"]?.GetValue<string>() == command);
            yield return ($"{command} arguments", arguments, variant);
        }

        var seen = new HashSet<Type>();
        var pending = new Queue<Type>([.. ContractSchemas.Commands.Select(c => c.Result), typeof(KioskState), typeof(StatusMessage), typeof(TelemetryMessage)]);
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type) || Doc.Schemas[type.Name] is not JsonObject schema)
            {
                continue;
            }

            yield return (type.Name, type, schema);
            foreach (var field in ContractSchemas.Fields(type).Where(f => !f.Extension))
            {
                if (ContractType(field.Type) is { } nested)
                {
                    pending.Enqueue(nested);
                }
            }
        }
    }

    /// <summary>Marked <c>JsonIgnoreCondition.Never</c>: written as null rather than left out.</summary>
    private static bool AlwaysWritten(Type type, string member) =>
        type.GetProperty(member)?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true).OfType<JsonIgnoreAttribute>().Any(a => a.Condition == JsonIgnoreCondition.Never) == true;

    /// <summary>The Kiosk.Contract record a member holds, through <c>T?</c>, lists and dictionaries; null for anything else.</summary>
    private static Type? ContractType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType)
        {
            return type.GetGenericArguments().Select(ContractType).LastOrDefault(t => t is not null);
        }

        if (type.IsArray)
        {
            return ContractType(type.GetElementType()!);
        }

        return type.Namespace?.StartsWith("Kiosk.Contract", StringComparison.Ordinal) == true && !type.IsEnum ? type : null;
    }
}
