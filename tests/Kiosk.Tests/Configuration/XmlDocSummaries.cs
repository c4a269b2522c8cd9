using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Kiosk.Tests.Configuration;

/// <summary>
/// Property summaries from the service's XML documentation file (kiosk-edge.xml, built beside the assembly),
/// as plain text: crefs become their last name, &lt;c&gt; becomes `code`.
/// </summary>
internal static partial class XmlDocSummaries
{
    private static readonly Lazy<Dictionary<string, string>> Summaries = new(Load);

    /// <summary>The summary of a property, or null when it has none.</summary>
    public static string? Of(System.Reflection.PropertyInfo property) =>
        Summaries.Value.GetValueOrDefault($"P:{property.DeclaringType!.FullName!.Replace('+', '.')}.{property.Name}");

    private static Dictionary<string, string> Load()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "kiosk-edge.xml");
        var doc = XDocument.Load(file);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in doc.Descendants("member"))
        {
            if (member.Element("summary") is { } summary && member.Attribute("name")?.Value is { } name)
            {
                result[name] = Plain(summary);
            }
        }

        return result;
    }

    private static string Plain(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(Render));
        return Whitespace().Replace(text, " ").Trim();
    }

    private static string Render(XNode node) => node switch
    {
        XText t => t.Value,
        XElement { Name.LocalName: "c" } e => $"`{e.Value}`",
        XElement { Name.LocalName: "see" or "seealso" } e when e.Attribute("langword") is { } word => word.Value,
        XElement { Name.LocalName: "see" or "seealso" } e when e.Attribute("cref") is { } cref => e.Value is { Length: > 0 } v ? v : LastName(cref.Value),
        XElement { Name.LocalName: "paramref" or "typeparamref" } e => e.Attribute("name")?.Value ?? "",
        XElement e => string.Concat(e.Nodes().Select(Render)),
        _ => "",
    };

    private static string LastName(string cref)
    {
        var name = cref[(cref.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        name = paren < 0 ? name : name[..paren];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
