using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text;
using Kiosk.Edge.Configuration;
using Microsoft.Extensions.Configuration;

namespace Kiosk.Tests.Configuration;

/// <summary>
/// Generates the key tables of docs/configuration.md from the options types (<see cref="OptionsCatalog"/>):
/// every bindable property, its default as the package runs it (the C# default overlaid with the packaged
/// appsettings.json, as the service binds it) and its XML summary as the meaning.
/// </summary>
internal static class ConfigurationReference
{
    public const string Begin = "<!-- BEGIN GENERATED: ConfigurationReferenceTests (KIOSK_UPDATE_DOCS=1 rewrites) -->";
    public const string End = "<!-- END GENERATED -->";

    public sealed record Row(string Key, string Default, string? Meaning);

    /// <summary>Every key of every section, in catalog then declaration order.</summary>
    public static IEnumerable<(string Section, IReadOnlyList<Row> Rows)> Sections()
    {
        var packaged = new ConfigurationBuilder().AddJsonFile(RepoFiles.PathOf("src", "Kiosk.Edge", "appsettings.json")).Build();
        foreach (var (section, type) in OptionsCatalog.Sections)
        {
            var instance = Activator.CreateInstance(type)!;
            packaged.GetSection(section).Bind(instance);
            var rows = new List<Row>();
            Walk(type, instance, section, rows);
            yield return (section, rows);
        }
    }

    public static string Markdown()
    {
        var md = new StringBuilder();
        md.Append(Begin).Append('\n');
        foreach (var (section, rows) in Sections())
        {
            md.Append('\n').Append(CultureInfo.InvariantCulture, $"## `{section}`\n\n");
            md.Append("| key | packaged default | meaning |\n|---|---|---|\n");
            foreach (var row in rows)
            {
                md.Append(CultureInfo.InvariantCulture, $"| `{row.Key}` | {row.Default} | {Cell(row.Meaning ?? "")} |\n");
            }
        }

        md.Append('\n').Append(End);
        return md.ToString();
    }

    private static void Walk(Type type, object? instance, string prefix, List<Row> rows)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetMethod is not { IsPublic: true } || p.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (p.SetMethod is not { IsPublic: true } && IsScalar(t))
            {
                continue; // computed from other keys (e.g. DoorsOptions.DefaultId), not configuration
            }

            var key = $"{prefix}:{p.Name}";
            var value = instance is null ? null : p.GetValue(instance);
            var required = p.GetCustomAttribute<RequiredAttribute>() is not null;
            if (IsScalar(t))
            {
                rows.Add(new Row(key, Format(value, required), XmlDocSummaries.Of(p)));
            }
            else if (DictionaryValueType(t) is { } element)
            {
                rows.Add(new Row(key, FormatDictionary((IDictionary?)value, required), XmlDocSummaries.Of(p)));
                if (!IsScalar(element))
                {
                    Walk(element, Activator.CreateInstance(element), key + ":{id}", rows);
                }
            }
            else if (ListElementType(t) is { } item)
            {
                rows.Add(new Row(key, FormatList((IEnumerable?)value, required), XmlDocSummaries.Of(p)));
                if (!IsScalar(item))
                {
                    Walk(item, Activator.CreateInstance(item), key + ":{n}", rows);
                }
            }
            else if (t.IsClass)
            {
                Walk(t, value ?? Activator.CreateInstance(t), key, rows);
            }
        }
    }

    private static bool IsScalar(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan)
            || t == typeof(TimeOnly) || t == typeof(DateTimeOffset) || t == typeof(Uri);
    }

    private static Type? DictionaryValueType(Type t) =>
        t.IsGenericType && t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>)) is { } d
            ? d.GetGenericArguments()[1]
            : null;

    private static Type? ListElementType(Type t) =>
        t.IsArray ? t.GetElementType()
        : t.IsGenericType && t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IList<>)) is { } l
            ? l.GetGenericArguments()[0]
            : null;

    private static string Format(object? value, bool required) => value switch
    {
        null or "" when required => "**required**",
        null => "(not set)",
        "" => "(empty)",
        bool b => b ? "`true`" : "`false`",
        TimeSpan ts => $"`{Raw(ts)}` ({Human(ts)})",
        Enum e => $"`{e}`",
        IFormattable f => $"`{f.ToString(null, CultureInfo.InvariantCulture)}`",
        _ => $"`{value}`",
    };

    /// <summary>A value as it is written in the JSON file.</summary>
    private static string Raw(object value) => value switch
    {
        TimeSpan ts => ts.ToString(ts.Ticks % TimeSpan.TicksPerSecond == 0 ? "c" : @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string FormatList(IEnumerable? list, bool required)
    {
        var items = list?.Cast<object>().Select(i => IsScalar(i.GetType()) ? Raw(i) : "…").ToList() ?? [];
        return items.Count == 0 ? (required ? "**required**" : "(none)") : $"`{string.Join(", ", items)}`";
    }

    private static string FormatDictionary(IDictionary? map, bool required)
    {
        if (map is null || map.Count == 0)
        {
            return required ? "**required**" : "(none)";
        }

        var entries = map.Keys.Cast<object>().OrderBy(k => k.ToString(), StringComparer.Ordinal)
            .Select(k => map[k] is { } v && IsScalar(v.GetType()) ? $"{k} = {Raw(v)}" : $"{k}");
        return $"`{string.Join(", ", entries)}`";
    }

    private static string Human(TimeSpan t)
    {
        if (t == TimeSpan.Zero)
        {
            return "none";
        }

        return t switch
        {
            { Ticks: var k } when k % TimeSpan.TicksPerDay == 0 => Unit(t.TotalDays, "day"),
            { Ticks: var k } when k % TimeSpan.TicksPerHour == 0 => Unit(t.TotalHours, "h"),
            { Ticks: var k } when k % TimeSpan.TicksPerMinute == 0 => Unit(t.TotalMinutes, "min"),
            { Ticks: var k } when k % TimeSpan.TicksPerSecond == 0 => Unit(t.TotalSeconds, "s"),
            _ => Unit(t.TotalMilliseconds, "ms"),
        };

        static string Unit(double n, string unit) => unit == "day" && n != 1
            ? $"{n.ToString(CultureInfo.InvariantCulture)} days"
            : $"{n.ToString(CultureInfo.InvariantCulture)} {unit}";
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
