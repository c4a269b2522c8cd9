namespace Kiosk.Tests.Configuration;

/// <summary>Property summaries of the service's options types, from kiosk-edge.xml.</summary>
internal static class XmlDocSummaries
{
    private static readonly Lazy<Dictionary<string, System.Xml.Linq.XElement>> Members = new(() => XmlDocText.Load("kiosk-edge.xml"));

    /// <summary>The summary of a property, or null when it has none.</summary>
    public static string? Of(System.Reflection.PropertyInfo property) =>
        Members.Value.GetValueOrDefault(XmlDocText.Id('P', property.DeclaringType!, property.Name))?.Element("summary") is { } s ? XmlDocText.Plain(s) : null;
}
