using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Kiosk.Tests.Contract.AsyncApi;

/// <summary>
/// docs/asyncapi.yaml as a JSON tree, with what the contract check needs: the fields each event type is
/// documented with, each command's documented claims, the documented state sections. <c>$ref</c> and
/// <c>allOf</c> are followed, so hand-written and generated documents are read alike.
/// </summary>
internal sealed class AsyncApiDocument
{
    private readonly JsonObject _root;

    private AsyncApiDocument(JsonObject root) => _root = root;

    public static AsyncApiDocument Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        return new AsyncApiDocument((JsonObject)ToJson(yaml.Documents[0].RootNode)!);
    }

    public JsonObject Schemas => (JsonObject)_root["components"]!["schemas"]!;

    /// <summary>Event type name → every field name documented for it (envelope and body), from any schema whose <c>type</c> is a const or enum.</summary>
    public Dictionary<string, HashSet<string>> EventFields()
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var schema in AllSchemaObjects(_root["components"]!["schemas"]!))
        {
            var properties = Properties(schema);
            if (properties.TryGetValue("type", out var type) && type is JsonObject t && TypeNames(t) is { Count: > 0 } names)
            {
                foreach (var name in names)
                {
                    if (!result.TryGetValue(name, out var set))
                    {
                        result[name] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    set.UnionWith(properties.Keys);
                }
            }
        }

        return result;
    }

    /// <summary>Fields of the events message's payload itself (the envelope, when it is factored out).</summary>
    public HashSet<string> EventMessageFields() => [.. Properties(Resolve(_root["components"]!["messages"]!["event"]!["payload"]!)).Keys];

    /// <summary>Command name → the claims documented for it.</summary>
    public Dictionary<string, HashSet<string>> CommandClaims()
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var variant in (JsonArray?)Resolve(Schemas["CommandClaims"]!)["oneOf"] ?? [])
        {
            var properties = Properties(Resolve(variant!));
            var name = properties.TryGetValue("cmd", out var cmd) && cmd is JsonObject c && TypeNames(c) is [var only] ? only : variant!["title"]?.GetValue<string>();
            if (name is not null)
            {
                result[name] = [.. properties.Keys];
            }
        }

        return result;
    }

    /// <summary>The state message's sections: name → its (resolved) schema.</summary>
    public Dictionary<string, JsonObject> StateSections() => Properties(Resolve(_root["components"]!["messages"]!["state"]!["payload"]!));

    /// <summary>Property names and schemas of a schema, through $ref and allOf.</summary>
    public Dictionary<string, JsonObject> Properties(JsonObject schema)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        Collect(Resolve(schema), result, depth: 0);
        return result;
    }

    /// <summary>
    /// Follows $ref, a description wrapper <c>{description, allOf: [one schema]}</c> and a nullable wrapper
    /// <c>{oneOf: [a schema, {type: null}]}</c>.
    /// </summary>
    public JsonObject Resolve(JsonNode node)
    {
        var o = ResolveRef(node);
        while (o["properties"] is null && o["type"] is null)
        {
            if (o["allOf"] is JsonArray { Count: 1 } only)
            {
                o = ResolveRef(only[0]!);
            }
            else if ((o["oneOf"] ?? o["anyOf"]) is JsonArray { Count: 2 } pair && pair.Count(IsNullType) == 1)
            {
                o = ResolveRef(pair.First(s => !IsNullType(s))!);
            }
            else
            {
                break;
            }
        }

        return o;
    }

    /// <summary>
    /// Property name → its schema as written (references and wrappers not followed), through the schema's $ref
    /// and allOf: what <see cref="AllowsNull"/> reads.
    /// </summary>
    public Dictionary<string, JsonObject> RawProperties(JsonNode schema)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        CollectRaw(ResolveRef(schema), result, depth: 0);
        return result;
    }

    /// <summary>The names a schema requires, through its $ref and allOf.</summary>
    public HashSet<string> RawRequired(JsonNode schema)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var o = ResolveRef(schema);
        foreach (var name in (JsonArray?)o["required"] ?? [])
        {
            result.Add(name!.GetValue<string>());
        }

        foreach (var part in (JsonArray?)o["allOf"] ?? [])
        {
            result.UnionWith(RawRequired(part!));
        }

        return result;
    }

    /// <summary>Whether a property schema accepts JSON null: a <c>type</c> with "null", a oneOf/anyOf branch that does, or no type at all.</summary>
    public bool AllowsNull(JsonObject schema)
    {
        if (schema["type"] is JsonNode type)
        {
            return type is JsonArray types ? types.Any(t => t?.GetValue<string>() == "null") : type.GetValue<string>() == "null";
        }

        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray branches)
        {
            return branches.Any(b => b is JsonObject o && AllowsNull(o));
        }

        if (schema["allOf"] is JsonArray parts)
        {
            return parts.All(p => p is JsonObject o && AllowsNull(o));
        }

        if (schema["$ref"] is not null)
        {
            return AllowsNull(ResolveRef(schema));
        }

        // No type, no composition: any value (e.g. a free-form JSON element), null included, unless constrained.
        return schema["const"] is null && schema["enum"] is null && schema["properties"] is null;
    }

    private static bool IsNullType(JsonNode? node) => node is JsonObject o && o["type"] is JsonValue t && t.GetValue<string>() == "null";

    private void CollectRaw(JsonObject schema, Dictionary<string, JsonObject> into, int depth)
    {
        if (depth > 16)
        {
            return;
        }

        foreach (var (key, value) in (JsonObject?)schema["properties"] ?? [])
        {
            into[key] = value as JsonObject ?? new JsonObject();
        }

        foreach (var part in (JsonArray?)schema["allOf"] ?? [])
        {
            CollectRaw(ResolveRef(part!), into, depth + 1);
        }
    }

    private JsonObject ResolveRef(JsonNode node)
    {
        var o = (JsonObject)node;
        for (var i = 0; i < 32 && o["$ref"]?.GetValue<string>() is { } reference; i++)
        {
            JsonNode? target = _root;
            foreach (var part in reference.TrimStart('#', '/').Split('/'))
            {
                target = target?[part];
            }

            o = (JsonObject)(target ?? throw new InvalidOperationException($"unresolved $ref {reference}"));
        }

        return o;
    }

    private void Collect(JsonObject schema, Dictionary<string, JsonObject> into, int depth)
    {
        if (depth > 16)
        {
            return;
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (key, value) in properties)
            {
                into[key] = value is JsonObject v ? Resolve(v) : new JsonObject();
            }
        }

        foreach (var part in (JsonArray?)schema["allOf"] ?? [])
        {
            Collect(Resolve(part!), into, depth + 1);
        }
    }

    private static List<string> TypeNames(JsonObject type) =>
        type["const"] is JsonValue c ? [c.GetValue<string>()]
        : type["enum"] is JsonArray e ? [.. e.OfType<JsonValue>().Select(x => x.GetValue<string>())]
        : [];

    private static IEnumerable<JsonObject> AllSchemaObjects(JsonNode node)
    {
        if (node is JsonObject o)
        {
            yield return o;
            foreach (var (_, child) in o)
            {
                if (child is not null)
                {
                    foreach (var nested in AllSchemaObjects(child))
                    {
                        yield return nested;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var item in a)
            {
                if (item is not null)
                {
                    foreach (var nested in AllSchemaObjects(item))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode s => new JsonArray([.. s.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p when long.TryParse(p.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "null" or "~" } => null,
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}
