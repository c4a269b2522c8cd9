using System.Text.RegularExpressions;

namespace Kiosk.IntegrationTests.EndToEnd;

/// <summary>
/// One shell block of the maintenance walkthrough (docs/maintenance.md, linked from the README), as written: each <c>kioskctl ...</c> line (its trailing comment
/// removed) with the output lines the README shows under it (<c>#   text</c>).
/// </summary>
internal sealed partial record ReadmeExercise(IReadOnlyList<ReadmeStep> Steps)
{
    /// <summary>The first <c>```sh</c> block after the paragraph that starts with <paramref name="heading"/>.</summary>
    public static ReadmeExercise Load(string heading)
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "maintenance.md"));
        var start = readme.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/maintenance.md has no '{heading}'");
        var open = readme.IndexOf("```sh\n", start, StringComparison.Ordinal) + "```sh\n".Length;
        var close = readme.IndexOf("```", open, StringComparison.Ordinal);
        var steps = new List<ReadmeStep>();
        foreach (var line in readme[open..close].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("kioskctl ", StringComparison.Ordinal))
            {
                var command = TrailingComment().Replace(line, string.Empty);
                steps.Add(new ReadmeStep(command.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..], []));
            }
            else if (line.StartsWith('#') && steps.Count > 0)
            {
                steps[^1].Expected.Add(line.TrimStart('#').Trim());
            }
        }

        return new ReadmeExercise(steps);
    }

    /// <summary>Output with runs of spaces collapsed, so table column widths do not matter.</summary>
    public static string Normalize(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex(@"\s+#.*$")]
    private static partial Regex TrailingComment();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}

internal sealed record ReadmeStep(string[] Arguments, List<string> Expected)
{
    public override string ToString() => "kioskctl " + string.Join(' ', Arguments);
}
