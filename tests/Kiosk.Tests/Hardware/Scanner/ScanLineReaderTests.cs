using System.Text;
using Kiosk.Edge.Hardware.Scanner;

namespace Kiosk.Tests.Hardware.Scanner;

public sealed class ScanLineReaderTests
{
    private readonly List<string> _lines = [];
    private readonly List<int> _discarded = [];

    [Fact]
    public void Feed_CrLfCrAndLfTerminators_YieldOneScanEach()
    {
        var reader = new ScanLineReader();

        reader.Feed("eyJ.a.b\r\neyJ.c.d\reyJ.e.f\n"u8, _lines.Add, _discarded.Add);

        Assert.Equal(["eyJ.a.b", "eyJ.c.d", "eyJ.e.f"], _lines);
    }

    [Fact]
    public void Feed_LineSplitAcrossReads_IsReassembled()
    {
        var reader = new ScanLineReader();

        reader.Feed("https://k.example/o?t=eyJ"u8, _lines.Add, _discarded.Add);
        Assert.Empty(_lines);
        reader.Feed(".x.y\r"u8, _lines.Add, _discarded.Add);

        Assert.Equal(["https://k.example/o?t=eyJ.x.y"], _lines);
    }

    [Fact]
    public void Feed_EmptyAndBlankLines_AreSkipped()
    {
        var reader = new ScanLineReader();

        reader.Feed("\r\n\n  \r\nabc\n"u8, _lines.Add, _discarded.Add);

        Assert.Equal(["abc"], _lines);
    }

    [Fact]
    public void Feed_LineAtTheLimit_IsAccepted()
    {
        var reader = new ScanLineReader(16);

        reader.Feed(Encoding.ASCII.GetBytes(new string('a', 16) + "\n"), _lines.Add, _discarded.Add);

        Assert.Equal([new string('a', 16)], _lines);
        Assert.Empty(_discarded);
    }

    [Fact]
    public void Feed_OverLongLine_IsDiscardedWholeAndTheNextLineIsRead()
    {
        var reader = new ScanLineReader(16);

        reader.Feed(Encoding.ASCII.GetBytes(new string('x', 40) + "\r\nok\n"), _lines.Add, _discarded.Add);

        Assert.Equal(["ok"], _lines);
        Assert.Equal([40], _discarded);
    }

    [Fact]
    public void DefaultLimit_HoldsAContractSizedPassInAUrl()
    {
        var reader = new ScanLineReader();
        var scan = "https://kiosk.example/open?t=" + new string('A', 4096);

        reader.Feed(Encoding.ASCII.GetBytes(scan + "\n"), _lines.Add, _discarded.Add);

        Assert.Equal([scan], _lines);
    }

    [Fact]
    public async Task ReadAsync_StreamEndsMidLine_DropsThePartialLine()
    {
        var reader = new ScanLineReader();
        using var stream = new MemoryStream("one\ntwo"u8.ToArray());

        await reader.ReadAsync(stream, _lines.Add, _discarded.Add, TestContext.Current.CancellationToken);
        reader.Feed("\n"u8, _lines.Add, _discarded.Add);

        Assert.Equal(["one"], _lines);
    }
}
