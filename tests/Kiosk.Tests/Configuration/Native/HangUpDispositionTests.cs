using Kiosk.Edge.Configuration.Native;

namespace Kiosk.Tests.Configuration.Native;

public sealed class HangUpDispositionTests
{
    // /proc/PID/status lines around the masks, as Linux 6.1 prints them (proc(5)).
    private const string Status = "Name:\tkiosk-edge\nSigQ:\t0/95614\nSigPnd:\t0000000000000000\nShdPnd:\t0000000000000000\nSigBlk:\t0000000000000000\nSigIgn:\t{0}\nSigCgt:\t0000000180004a02\n";

    [Theory]
    [InlineData("0000000000001001", true)] // nohup: SIGHUP (bit 0) and SIGPIPE (bit 12)
    [InlineData("0000000000000001", true)]
    [InlineData("0000000000001000", false)] // .NET ignores SIGPIPE itself; SIGHUP at its default
    [InlineData("0000000000000000", false)]
    [InlineData("fffffffffffffffe", false)] // every signal but SIGHUP
    public void IsIgnored_SigIgnMask_ReadsBitZero(string mask, bool ignored) =>
        Assert.Equal(ignored, HangUpDisposition.IsIgnored(string.Format(System.Globalization.CultureInfo.InvariantCulture, Status, mask)));

    [Theory]
    [InlineData("Name:\tkiosk-edge\nSigCgt:\t0000000000000001\n")] // no SigIgn line
    [InlineData("SigIgn:\tnot-hex\n")]
    [InlineData("")]
    public void IsIgnored_NoReadableMask_IsFalse(string status) =>
        Assert.False(HangUpDisposition.IsIgnored(status));

}
