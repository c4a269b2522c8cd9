using System.Runtime.InteropServices;

namespace Kiosk.Edge.Configuration.Native;

/// <summary>
/// The two glibc calls the memory settings need, and nothing else: <c>madvise(2)</c> and <c>mallopt(3)</c>.
/// Linux with glibc only, which is what the package targets (Debian and Raspberry Pi OS).
/// </summary>
internal static partial class LinuxMemory
{
    /// <summary><c>MADV_DONTNEED</c> (include/uapi/asm-generic/mman-common.h): drop the range's page table
    /// entries. For a private file mapping with no private copies the next access maps the same file page
    /// again from the page cache, so the contents seen never change.</summary>
    private const int MadviseDontNeed = 4;

    /// <summary><c>M_ARENA_MAX</c> (malloc.h): the most malloc arenas glibc creates.</summary>
    private const int MalloptArenaMax = -8;

    /// <summary>Unmaps the pages of [<paramref name="start"/>, start + <paramref name="length"/>); both page
    /// aligned. Returns 0, or the errno of the failure.</summary>
    internal static int DontNeed(nint start, nuint length) =>
        Madvise(start, length, MadviseDontNeed) == 0 ? 0 : Marshal.GetLastSystemError();

    /// <summary>Caps glibc's malloc arenas. Without a cap glibc gives each new thread that allocates its own
    /// arena (up to 8 per core), each a few hundred kB once touched. Returns false when the C library has
    /// no <c>mallopt</c> or refuses the value.</summary>
    internal static bool LimitMallocArenas(int arenas)
    {
        try
        {
            return Mallopt(MalloptArenaMax, arenas) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);
}
