using System.Text;
using Kiosk.Tests.Configuration;

namespace Kiosk.Tests.Contract.AsyncApi;

/// <summary>
/// The generated region of docs/asyncapi.yaml: every schema of <see cref="ContractSchemas"/>, placed at the end
/// of <c>components.schemas</c> between two marker comments. The hand-written part (channels, operations,
/// messages, token claims, deny reasons) refers to them by name.
/// </summary>
internal static class AsyncApiGenerator
{
    public const string Begin = "    # BEGIN GENERATED from Kiosk.Contract: AsyncApiContractTests (KIOSK_UPDATE_DOCS=1 rewrites)";
    public const string End = "    # END GENERATED";

    public static string DocPath { get; } = RepoFiles.PathOf("docs", "asyncapi.yaml");

    public static string Region()
    {
        var yaml = new StringBuilder();
        yaml.Append(Begin).Append('\n');
        foreach (var (name, schema) in ContractSchemas.Build().All)
        {
            YamlText.Write(yaml, name, schema, 4);
        }

        yaml.Append(End);
        return yaml.ToString();
    }

    /// <summary>The document's current region (between the markers), or null when the markers are missing.</summary>
    public static (string Document, int Start, int Length)? Current()
    {
        var doc = File.ReadAllText(DocPath);
        var begin = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        return begin >= 0 && end > begin ? (doc, begin, end + End.Length - begin) : null;
    }
}
