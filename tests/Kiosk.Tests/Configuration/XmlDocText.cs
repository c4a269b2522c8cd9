using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Kiosk.Tests.Configuration;

/// <summary>
/// A compiler XML documentation file (built beside the test assembly) as plain text per member id
/// ("P:Ns.Type.Prop", "T:Ns.Type"): crefs become their last name, &lt;c&gt; becomes `code`.
/// </summary>
internal static partial class XmlDocText
{
    /// <summary>Member id → its XML element; empty when the file is not there.</summary>
    public static Dictionary<string, XElement> Load(string fileName)
    {
        var file = Path.Combine(AppContext.BaseDirectory, fileName);
        return File.Exists(file)
            ? XDocument.Load(file).Descendants("member").Where(m => m.Attribute("name") is not null)
                .GroupBy(m => m.Attribute("name")!.Value).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)
            : new Dictionary<string, XElement>(StringComparer.Ordinal);
    }

    public static string Id(char kind, Type type, string? member = null) =>
        $"{kind}:{type.FullName!.Replace('+', '.')}" + (member is null ? "" : "." + member);

    public static string Plain(XElement element)
    {
        var text = string.Concat(element.Nodes().Select(Render));
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
