using System.Globalization;
using Kiosk.Edge.Configuration.Native;

namespace Kiosk.Edge.Configuration;

/// <summary>
/// Unmaps the resident pages of the process's read-only file mappings (the executable's code and constants,
/// the shared libraries'), so that only the pages the running kiosk touches again come back.
/// <para>
/// Why: the kernel maps file pages in windows of up to 64 kB around each fault (fault-around,
/// <c>do_fault_around</c> in mm/memory.c), so the start-up code (host, configuration binding, service
/// container, database schema checks) leaves megabytes of executable and library pages mapped that the
/// settled kiosk never runs again. The pages stay in the page cache: touching one again is a minor fault,
/// with no read from the SD card while the kernel keeps it cached.
/// </para>
/// <para>
/// Safe by construction: only private mappings of a file that are not writable and hold no private copy
/// (<c>Anonymous: 0 kB</c> in /proc/self/smaps; a relocated read-only-after-relocation page has one) are
/// released, so what the next access maps is byte for byte what was there. Source: madvise(2), proc(5).
/// </para>
/// </summary>
internal static class MappedFilePages
{
    /// <summary>The smaps file of this process.</summary>
    internal const string SelfSmaps = "/proc/self/smaps";

    /// <summary>Releases every eligible mapping listed in <paramref name="smapsPath"/> (this process's).</summary>
    /// <returns>How many mappings were released, their resident kB before, and how many madvise refused.</returns>
    internal static MappedFileRelease Release(string smapsPath = SelfSmaps)
    {
        var ranges = Releasable(File.ReadLines(smapsPath));
        long residentKb = 0;
        var released = 0;
        var refused = 0;
        foreach (var range in ranges)
        {
            if (LinuxMemory.DontNeed((nint)range.Start, (nuint)range.Length) == 0)
            {
                released++;
                residentKb += range.ResidentKb;
            }
            else
            {
                refused++;
            }
        }

        return new MappedFileRelease(released, residentKb, refused);
    }

    /// <summary>The mappings of an smaps listing (proc(5)) that can be released: a file path, private, not
    /// writable, no anonymous (copied-on-write) pages, and something resident.</summary>
    internal static IReadOnlyList<MappedRange> Releasable(IEnumerable<string> smaps)
    {
        var result = new List<MappedRange>();
        Candidate? current = null;
        foreach (var line in smaps)
        {
            if (TryParseHeader(line, out var header))
            {
                Add(current, result);
                current = header;
            }
            else if (current is not null && TryField(line, "Rss:", out var rss))
            {
                current.ResidentKb = rss;
            }
            else if (current is not null && TryField(line, "Anonymous:", out var anonymous))
            {
                current.Eligible &= anonymous == 0;
            }
        }

        Add(current, result);
        return result;
    }

    private static void Add(Candidate? candidate, List<MappedRange> result)
    {
        if (candidate is { Eligible: true, ResidentKb: > 0 })
        {
            result.Add(new MappedRange(candidate.Start, candidate.Length, candidate.ResidentKb));
        }
    }

    // "55d0c2a00000-55d0c2a1b000 r--p 00000000 fe:01 1234   /usr/lib/kiosk-edge/kiosk-edge"
    private static bool TryParseHeader(string line, out Candidate? header)
    {
        header = null;
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[1].Length != 4)
        {
            return false;
        }

        var dash = fields[0].IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !ulong.TryParse(fields[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
            || !ulong.TryParse(fields[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end)
            || end <= start)
        {
            return false;
        }

        var permissions = fields[1];
        var path = fields.Length == 6 ? fields[5].Trim() : "";
        header = new Candidate(start, end - start)
        {
            Eligible = path.StartsWith('/') && permissions[1] == '-' && permissions[3] == 'p',
        };
        return true;
    }

    private static bool TryField(string line, string name, out long kb)
    {
        kb = 0;
        if (!line.StartsWith(name, StringComparison.Ordinal))
        {
            return false;
        }

        var value = line.AsSpan(name.Length).Trim();
        var space = value.IndexOf(' ');
        return long.TryParse(space < 0 ? value : value[..space], NumberStyles.None, CultureInfo.InvariantCulture, out kb);
    }

    private sealed class Candidate(ulong start, ulong length)
    {
        public ulong Start { get; } = start;

        public ulong Length { get; } = length;

        public bool Eligible { get; set; }

        public long ResidentKb { get; set; }
    }
}

/// <summary>One releasable mapping: start address, length in bytes, resident kB when read.</summary>
internal readonly record struct MappedRange(ulong Start, ulong Length, long ResidentKb);

/// <summary>The outcome of <see cref="MappedFilePages.Release"/>.</summary>
internal readonly record struct MappedFileRelease(int Mappings, long ResidentKb, int Refused);
