using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Events;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;
using Kiosk.Contract.Status;
using Kiosk.Contract.Telemetry;

namespace Kiosk.Tests.Contract.AsyncApi;

/// <summary>
/// JSON Schemas of the wire, derived from Kiosk.Contract's source-generated JSON metadata (the names the kiosk
/// really writes, e.g. <c>window_s</c>, <c>safe_state</c>) and its XML documentation: every event type
/// with the envelope, every command's arguments and result, the state sections, the status and telemetry
/// messages. docs/asyncapi.yaml holds them in its generated region (<see cref="AsyncApiGenerator"/>).
/// </summary>
internal sealed class ContractSchemas
{
    private readonly SortedDictionary<string, JsonObject> _schemas = new(StringComparer.Ordinal);
    /// <summary>The contract's metadata; reflection only for types the context does not list (the envelope record).</summary>
    private static readonly JsonSerializerOptions Options = new(ContractJsonContext.Default.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ContractJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>Command name → its arguments type (the claims besides the token's own).</summary>
    public static IReadOnlyList<(string Command, Type Arguments, Type Result)> Commands { get; } =
    [
        (CommandNames.Unlock, typeof(UnlockArguments), typeof(UnlockResult)),
        (CommandNames.Lock, typeof(LockArguments), typeof(LockResult)),
        (CommandNames.Mode, typeof(ModeArguments), typeof(ModeResult)),
        (CommandNames.Power, typeof(PowerArguments), typeof(PowerResult)),
        (CommandNames.Announce, typeof(AnnounceArguments), typeof(AnnounceResult)),
        (CommandNames.AckHelp, typeof(object), typeof(AckHelpResult)),
        (CommandNames.Diag, typeof(DiagArguments), typeof(DiagReport)),
        (CommandNames.Revoke, typeof(RevokeArguments), typeof(RevokeResult)),
    ];

    public IReadOnlyDictionary<string, JsonObject> All => _schemas;

    public static ContractSchemas Build()
    {
        var s = new ContractSchemas();
        var events = new JsonArray();
        foreach (var (typeName, info) in ContractJsonContext.EventRegistrations())
        {
            var name = EventSchemaName(info.Type);
            var schema = s.ObjectSchema(typeof(EventEnvelope));
            var body = s.ObjectSchema(info.Type);
            schema["title"] = typeName;
            schema["description"] = XmlDocs.Summary(info.Type) ?? typeName;
            ((JsonObject)schema["properties"]!)["type"] = new JsonObject { ["const"] = typeName };
            foreach (var (key, value) in (JsonObject)body["properties"]!)
            {
                ((JsonObject)schema["properties"]!)[key] = value!.DeepClone();
            }

            foreach (var required in (JsonArray?)body["required"] ?? [])
            {
                ((JsonArray)schema["required"]!).Add(required!.DeepClone());
            }

            s._schemas[name] = schema;
            events.Add(Ref(name));
        }

        s._schemas["Event"] = new JsonObject
        {
            ["description"] = "One event (topic events): the envelope (id, seq, ts, type) and the type's fields, flat. Generated from Kiosk.Contract.",
            ["oneOf"] = events,
        };

        var claims = new JsonArray();
        var results = new JsonArray();
        foreach (var (command, arguments, result) in Commands)
        {
            var args = arguments == typeof(object) ? new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() } : s.ObjectSchema(arguments);
            var properties = (JsonObject)args["properties"]!;
            var withCmd = new JsonObject { ["cmd"] = new JsonObject { ["const"] = command } };
            foreach (var (key, value) in properties)
            {
                withCmd[key] = value!.DeepClone();
            }

            var required = new JsonArray(command == CommandNames.Unlock ? [] : [JsonValue.Create("cmd")]);
            foreach (var r in (JsonArray?)args["required"] ?? [])
            {
                required.Add(r!.DeepClone());
            }

            claims.Add(new JsonObject
            {
                ["title"] = command,
                ["description"] = (arguments == typeof(object) ? null : XmlDocs.Summary(arguments)) ?? $"The {command} command: no arguments.",
                ["allOf"] = new JsonArray(Ref("TokenClaims"), new JsonObject { ["type"] = "object", ["required"] = required, ["properties"] = withCmd }),
            });
            results.Add(s.Reference(result));
        }

        s._schemas["CommandClaims"] = new JsonObject
        {
            ["description"] = "The claims of a command token (JWS payload): the registered claims and the command's arguments, under the names the kiosk reads. Generated from Kiosk.Contract.",
            ["oneOf"] = claims,
        };
        s._schemas["CommandResult"] = new JsonObject
        {
            ["description"] = "The result of a successful command, by command (unlock, lock, mode, power, announce, ack_help, diag, revoke). Generated from Kiosk.Contract.",
            ["oneOf"] = results,
        };
        s.Reference(typeof(KioskState));
        s.Reference(typeof(StatusMessage));
        s.Reference(typeof(TelemetryMessage));
        return s;
    }

    private static JsonTypeInfoKind Kind(Type type)
    {
        try
        {
            return Info(type).Kind;
        }
        catch (InvalidOperationException)
        {
            return JsonTypeInfoKind.Object;
        }
    }

    /// <summary>The JSON metadata of a contract type, as the kiosk writes it.</summary>
    public static JsonTypeInfo Info(Type type) => Options.GetTypeInfo(type);

    public static string EventSchemaName(Type record) => record.Name + "Event";

    private static JsonObject Ref(string name) => new() { ["$ref"] = $"#/components/schemas/{name}" };

    /// <summary>A $ref to the named schema of a contract type, generating it on first use.</summary>
    private JsonObject Reference(Type type)
    {
        if (!_schemas.ContainsKey(type.Name))
        {
            _schemas[type.Name] = new JsonObject(); // placeholder against recursion
            _schemas[type.Name] = ObjectSchema(type);
        }

        return Ref(type.Name);
    }

    private JsonObject ObjectSchema(Type type)
    {
        var schema = new JsonObject { ["type"] = "object" };
        if (XmlDocs.Summary(type) is { } summary)
        {
            schema["description"] = summary;
        }

        if (Kind(type) != JsonTypeInfoKind.Object)
        {
            // A custom converter writes the shape (e.g. OccupancyState: cabin ids and counters in one object).
            schema["additionalProperties"] = true;
            return schema;
        }

        var required = new JsonArray();
        var properties = new JsonObject();
        foreach (var field in Fields(type))
        {
            if (field.Extension)
            {
                schema["additionalProperties"] = true;
                continue;
            }

            var property = TypeSchema(field.Type);
            if (field.Nullable)
            {
                property = OrNull(property);
            }

            if (XmlDocs.Of(type, field.Member) is { } doc)
            {
                property = property.ContainsKey("$ref") ? new JsonObject { ["description"] = doc, ["allOf"] = new JsonArray(property) } : Described(property, doc);
            }

            properties[field.Name] = property;
            if (field.Required)
            {
                required.Add(field.Name);
            }
        }

        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        schema["properties"] = properties;
        return schema;
    }

    private static JsonObject Described(JsonObject schema, string doc)
    {
        var result = new JsonObject { ["description"] = doc };
        foreach (var (key, value) in schema)
        {
            result[key] = value!.DeepClone();
        }

        return result;
    }

    /// <summary>
    /// A serialized member: its JSON name, CLR member, type, whether a reader requires it, whether it is extension
    /// data, and whether it may be null (a nullable annotation or <see cref="Nullable{T}"/>).
    /// </summary>
    public sealed record Field(string Name, string Member, Type Type, bool Required, bool Extension, bool Nullable);

    /// <summary>
    /// Whether a contract member may be null: <c>string?</c>, <c>T?</c> of a value type, a nullable reference.
    /// Read from the C# nullable annotations, which the contract's JSON context enforces
    /// (<c>RespectNullableAnnotations</c>): a null in a member not annotated nullable is refused.
    /// </summary>
    public static bool IsNullable(Type owner, string member)
    {
        var property = owner.GetProperty(member, BindingFlags.Public | BindingFlags.Instance);
        return property is not null && new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable;
    }

    /// <summary>
    /// The schema that also allows null (JSON Schema draft 07, which AsyncAPI schemas extend): a <c>type</c> list
    /// with "null", or for a reference, one of the reference and null. An empty schema allows null already.
    /// </summary>
    private static JsonObject OrNull(JsonObject schema)
    {
        if (schema.Count == 0)
        {
            return schema;
        }

        if (schema["type"] is JsonValue type)
        {
            var result = new JsonObject();
            foreach (var (key, value) in schema)
            {
                result[key] = key == "type" ? new JsonArray(type.GetValue<string>(), "null") : value!.DeepClone();
            }

            if (result["enum"] is JsonArray values)
            {
                values.Add(null);
            }

            return result;
        }

        return new JsonObject { ["oneOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }) };
    }

    /// <summary>
    /// The members the kiosk writes, from the contract's JSON metadata. A type whose metadata cannot be built
    /// for reading (KioskState: extension data beside a constructor) falls back to its public properties, named
    /// as the camelCase policy names them.
    /// </summary>
    public static IReadOnlyList<Field> Fields(Type type)
    {
        try
        {
            return [.. Info(type).Properties.Where(p => p.Get is not null).OrderBy(p => p.Order)
                .Select(p => NewField(type, p.Name, Member(type, p), p.PropertyType, p.IsRequired || p.AssociatedParameter is { HasDefaultValue: false }, p.IsExtensionData))];
        }
        catch (InvalidOperationException)
        {
            return [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null)
                .Select(p => NewField(
                    type,
                    p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                    p.Name,
                    p.PropertyType,
                    p.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>() is not null,
                    p.GetCustomAttribute<System.Text.Json.Serialization.JsonExtensionDataAttribute>() is not null))];
        }
    }

    /// <summary>
    /// A member that may be null is written only when it has a value (the contract's <c>WhenWritingNull</c>), unless
    /// marked <c>JsonIgnoreCondition.Never</c>: then it is always written, null or not. So a nullable member is required
    /// on the wire only with Never, whatever the constructor says.
    /// </summary>
    private static Field NewField(Type owner, string name, string member, Type type, bool required, bool extension)
    {
        var nullable = !extension && IsNullable(owner, member);
        var alwaysWritten = owner.GetProperty(member, BindingFlags.Public | BindingFlags.Instance)?
            .GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is { Condition: System.Text.Json.Serialization.JsonIgnoreCondition.Never };
        return new(name, member, type, required && (!nullable || alwaysWritten), extension, nullable);
    }

    private static string Member(Type type, JsonPropertyInfo p) =>
        (p.AttributeProvider as MemberInfo)?.Name ?? type.GetProperties().FirstOrDefault(x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase))?.Name ?? p.Name;

    private JsonObject TypeSchema(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (type == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(uint))
        {
            return new JsonObject { ["type"] = "integer" };
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return new JsonObject { ["type"] = "number" };
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return Ref("Timestamp");
        }

        if (type == typeof(JsonElement) || type == typeof(JsonNode) || type == typeof(object))
        {
            return new JsonObject();
        }

        if (type.IsEnum)
        {
            return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. Enum.GetNames(type).Select(n => (JsonNode)JsonNamingPolicy.CamelCase.ConvertName(n))]) };
        }

        if (DictionaryValue(type) is { } value)
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = TypeSchema(value) };
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && ListItem(type) is { } item)
        {
            return new JsonObject { ["type"] = "array", ["items"] = TypeSchema(item) };
        }

        return Reference(type);
    }

    private static Type? DictionaryValue(Type t) =>
        t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))?.GetGenericArguments()[1];

    private static Type? ListItem(Type t) =>
        t.IsArray ? t.GetElementType() : t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
