using System.Text.RegularExpressions;
using Kiosk.Edge.Events;

namespace Kiosk.Tests.Contract;

/// <summary>
/// Golden files pin the wire: each holds one payload exactly as the kiosk sends it (one line, byte for
/// byte, property order included). A difference fails the test; set <c>KIOSK_GOLDEN_UPDATE=1</c> to
/// rewrite them after a deliberate, changelogged change. Event ids (UUIDv7, random) are checked for
/// their shape and replaced by a fixed value; timestamps come from a FakeTimeProvider.
/// </summary>
internal static partial class GoldenFile
{
    public const string FixedEventId = "00000000000070008000000000000000";

    /// <summary>Stands for the installation epoch (random per state directory) in golden files.</summary>
    public const string FixedEpoch = "0123456789abcdef0123456789abcdef";

    public static string Folder => Path.Combine(RepoRoot(), "tests", "Kiosk.Tests", "Contract", "Golden");

    /// <summary>Compares an event as stored in the outbox (and published) with <c>events/{name}.json</c>.</summary>
    public static void MatchEvent(string name, KioskEvent e) => Match("events/" + name, NormalizeEventId(e.ToJson()));

    public static void Match(string name, string actual)
    {
        actual = EpochValue().Replace(actual, $"\"epoch\":\"{FixedEpoch}\"");
        var path = Path.Combine(Folder, name + ".json");
        if (Environment.GetEnvironmentVariable("KIOSK_GOLDEN_UPDATE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual + "\n");
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing (KIOSK_GOLDEN_UPDATE=1 writes it)");
        Assert.Equal(File.ReadAllText(path).TrimEnd('\n'), actual);
    }

    /// <summary>The golden payload <paramref name="name"/> (e.g. <c>events/door.opened</c>).</summary>
    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name + ".json")).TrimEnd('\n');

    /// <summary>Every golden file, relative to the folder without <c>.json</c> (to check each one is produced by a test).</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Folder, p)[..^5].Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static string NormalizeEventId(string json)
    {
        var match = EventId().Match(json);
        Assert.True(match.Success, $"no UUIDv7 event id at the start of {json}");
        return string.Concat("{\"id\":\"", FixedEventId, "\"", json.AsSpan(match.Length));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kiosk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kiosk.sln not found");
    }

    [GeneratedRegex("""^\{"id":"[0-9a-f]{12}7[0-9a-f]{3}[89ab][0-9a-f]{15}"(?=,)""")]
    private static partial Regex EventId();

    [GeneratedRegex("\"epoch\":\"[0-9a-f]{32}\"")]
    private static partial Regex EpochValue();
}
