using Kiosk.Edge.Configuration;

namespace Kiosk.Tests.Configuration;

public sealed class MappedFilePagesTests
{
    private static readonly string[] Smaps =
    [
        "55d0c2a00000-55d0c2a1b000 r--p 00000000 fe:01 1234                       /usr/lib/kiosk-edge/kiosk-edge",
        "Size:                108 kB",
        "Rss:                  96 kB",
        "Anonymous:             0 kB",
        "VmFlags: rd mr mw me sd",
        "55d0c2a1b000-55d0c3508000 r-xp 0001b000 fe:01 1234                       /usr/lib/kiosk-edge/kiosk-edge",
        "Rss:                8808 kB",
        "Anonymous:             0 kB",
        "55d0c3c98000-55d0c3c9a000 r--p 01187000 fe:01 1234                       /usr/lib/kiosk-edge/kiosk-edge",
        "Rss:                   8 kB",
        "Anonymous:             8 kB",
        "55d0c3c9a000-55d0c4270000 rw-p 01189000 fe:01 1234                       /usr/lib/kiosk-edge/kiosk-edge",
        "Rss:                5972 kB",
        "Anonymous:          5752 kB",
        "7f7ab2000000-7f7ab2400000 rw-p 00000000 00:00 0 ",
        "Rss:                2028 kB",
        "Anonymous:          2028 kB",
        "7f7ab5000000-7f7ab5100000 r-xp 00000000 fe:01 99                         /usr/lib/x86_64-linux-gnu/libcrypto.so.3",
        "Rss:                   0 kB",
        "Anonymous:             0 kB",
        "7f7ab6000000-7f7ab6010000 rw-s 00000000 fe:01 77                         /var/lib/kiosk-edge/replay.db-shm",
        "Rss:                  64 kB",
        "Anonymous:             0 kB",
        "7f7ab7000000-7f7ab7001000 r--s 00000000 fe:01 78                         /var/lib/kiosk-edge/shared.map",
        "Rss:                   4 kB",
        "Anonymous:             0 kB",
        "7ffd2a1f0000-7ffd2a1f2000 r-xp 00000000 00:00 0                          [vdso]",
        "Rss:                   8 kB",
        "Anonymous:             0 kB",
        "7f7ab8000000-7f7ab8002000 r--p 00000000 fe:01 80                         /usr/lib/x86_64-linux-gnu/libm.so.6",
        "Rss:                   8 kB",
        "Anonymous:             0 kB",
    ];

    [Fact]
    public void Releasable_ReadOnlyPrivateFileMappingsWithoutCopies_OnlyThose()
    {
        var ranges = MappedFilePages.Releasable(Smaps);

        Assert.Equal(
            [
                new MappedRange(0x55d0c2a00000, 0x1b000, 96),
                new MappedRange(0x55d0c2a1b000, 0xaed000, 8808),
                new MappedRange(0x7f7ab8000000, 0x2000, 8),
            ],
            ranges);
    }

    [Fact]
    public void Releasable_RelocatedReadOnlyPage_Kept()
    {
        // The read-only-after-relocation page holds private copies (Anonymous > 0): releasing it would bring
        // back the unrelocated file contents.
        var ranges = MappedFilePages.Releasable(Smaps);

        Assert.DoesNotContain(ranges, r => r.Start == 0x55d0c3c98000);
    }

    [Fact]
    public void Releasable_EmptyOrForeignText_Nothing()
    {
        Assert.Empty(MappedFilePages.Releasable([]));
        Assert.Empty(MappedFilePages.Releasable(["not smaps", "Rss: 12 kB", "a-b r--p 0 0:0 0 /x"]));
    }

    [Fact]
    public void Release_ThisProcess_ReleasesAndTheCodeStillRuns()
    {
        var release = MappedFilePages.Release();

        Assert.True(release.Mappings > 0);
        Assert.Equal(0, release.Refused);
        // The released code and constants map again on the next access, unchanged.
        Assert.Equal("kiosk", string.Concat("kio", "sk"));
        Assert.NotEmpty(MappedFilePages.Releasable(File.ReadLines(MappedFilePages.SelfSmaps)));
    }
}
