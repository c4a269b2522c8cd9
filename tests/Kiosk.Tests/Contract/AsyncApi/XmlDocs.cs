using Kiosk.Tests.Configuration;

namespace Kiosk.Tests.Contract.AsyncApi;

/// <summary>Summaries and record parameter docs from Kiosk.Contract's XML documentation file.</summary>
internal static class XmlDocs
{
    private static readonly Lazy<Dictionary<string, System.Xml.Linq.XElement>> Members = new(() => XmlDocText.Load("Kiosk.Contract.xml"));

    public static string? Summary(Type type) =>
        Members.Value.GetValueOrDefault(XmlDocText.Id('T', type))?.Element("summary") is { } s ? XmlDocText.Plain(s) : null;

    /// <summary>A property's summary, or the record's &lt;param&gt; of the same name.</summary>
    public static string? Of(Type type, string member)
    {
        if (Members.Value.GetValueOrDefault(XmlDocText.Id('P', type, member))?.Element("summary") is { } s)
        {
            return XmlDocText.Plain(s);
        }

        return Members.Value.GetValueOrDefault(XmlDocText.Id('T', type))?.Elements("param").FirstOrDefault(p => p.Attribute("name")?.Value == member) is { } param
            ? XmlDocText.Plain(param)
            : null;
    }
}
