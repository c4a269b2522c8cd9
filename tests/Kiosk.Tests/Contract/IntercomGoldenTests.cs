using System.Device.Gpio;
using Kiosk.Edge.Commands;
using Kiosk.Edge.Intercom;
using Kiosk.Tests.Intercom;

namespace Kiosk.Tests.Contract;

/// <summary>The intercom events, the <c>intercom</c> state section and the announce/ack_help replies.</summary>
public sealed class IntercomGoldenTests : IDisposable
{
    private readonly IntercomFixture _f = new();

    [Fact]
    public async Task Events_HelpAndAcknowledge_MatchGolden()
    {
        PressButton();
        GoldenFile.Match("state/intercom-help", _f.State.Get("intercom")!.ToJsonString());
        _f.Time.Advance(TimeSpan.FromSeconds(40));
        PressButton();
        using var replies = new ReplyHarness(_f.Time, [_f.AckHelp, _f.Announce]);
        GoldenFile.Match("replies/ack_help", await replies.ReplyAsync("ack_help", "r-ack", """{"cmd":"ack_help","sub":"op-1"}"""));

        GoldenFile.MatchEvent("intercom.help", _f.Events("intercom.help")[0]);
        GoldenFile.MatchEvent("intercom.help-repeat", _f.Events("intercom.help")[1]);
        GoldenFile.MatchEvent("intercom.help_ack", Assert.Single(_f.Events("intercom.help_ack")));
    }

    [Fact]
    public async Task Events_AnnouncedAndFailed_MatchGolden()
    {
        var ct = TestContext.Current.CancellationToken;
        _f.WriteClip("chime.wav", 0.5);
        var gone = _f.WriteClip("gone.wav", 0.5);
        using var replies = new ReplyHarness(_f.Time, [_f.AckHelp, _f.Announce]);
        GoldenFile.Match("replies/announce", await replies.ReplyAsync("announce", "r-ann", """{"cmd":"announce","clip":"chime","priority":"urgent","volume":80}"""));
        GoldenFile.Match("replies/ack_help-none", await replies.ReplyAsync("ack_help", "r-ack0", """{"cmd":"ack_help"}"""));
        var play = _f.Player.PlayNextAsync(ct);
        await IntercomFixture.UntilAsync(() => _f.Amp || play.IsCompleted, "the amplifier");
        GoldenFile.Match("state/intercom-playing", _f.State.Get("intercom")!.ToJsonString());
        // Drive the fake clock through pre-roll and the half-second clip while the player works.
        for (var i = 0; i < 3000 && !play.IsCompleted; i++)
        {
            _f.Time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(5, ct);
        }

        await play.WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.True((await _f.AnnounceAsync("""{"clip":"gone"}""")).Ok);
        File.Delete(gone); // removed between the command and playback: rendering fails
        await _f.Player.PlayNextAsync(ct).WaitAsync(TimeSpan.FromSeconds(30), ct);

        GoldenFile.MatchEvent("intercom.announced", Assert.Single(_f.Events("intercom.announced")));
        GoldenFile.MatchEvent("intercom.announce_failed", Assert.Single(_f.Events("intercom.announce_failed")));
    }

    [Fact]
    public async Task Replies_AnnounceInQuietHours_MatchGolden()
    {
        using var night = new IntercomFixture(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero));
        using var replies = new ReplyHarness(night.Time, [night.Announce]);

        GoldenFile.Match("replies/announce-quiet_hours", await replies.ReplyAsync("announce", "r-quiet", """{"cmd":"announce","text":"hello","priority":"info"}"""));
    }

    private void PressButton()
    {
        _f.Chip.SetInput(IntercomFixture.CallButtonPin, PinValue.Low);
        _f.Time.Advance(TimeSpan.FromMilliseconds(200));
        _f.Chip.SetInput(IntercomFixture.CallButtonPin, PinValue.High);
        _f.Time.Advance(TimeSpan.FromMilliseconds(100));
    }

    public void Dispose() => _f.Dispose();
}
