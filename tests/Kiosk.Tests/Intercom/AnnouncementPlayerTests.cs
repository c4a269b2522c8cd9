using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Kiosk.Edge.Intercom;

namespace Kiosk.Tests.Intercom;

public sealed partial class AnnouncementPlayerTests : IDisposable
{
    private readonly IntercomFixture _f = new();

    [Fact]
    public async Task PlayNext_Text_SpeaksAnAudibleWavOfPlausibleLength()
    {
        var ct = TestContext.Current.CancellationToken;
        const string text = "请注意：热水器正在维修，请稍后再来。";
        Assert.True((await _f.AnnounceAsync($$"""{"text":"{{text}}","volume":100}""")).Ok);
        await PlayThroughAsync(ct);

        var wav = Assert.Single(_f.Sink.Played);
        var (length, rms) = await SoxStatAsync(wav);
        Assert.InRange(length, 0.3, 30);
        Assert.True(rms > 0.01, $"RMS amplitude {rms} is near silence");

        var announced = Assert.Single(_f.Events("intercom.announced"));
        Assert.Equal("text", announced.Fields["kind"]!.GetValue<string>());
        Assert.Equal("info", announced.Fields["priority"]!.GetValue<string>());
        Assert.Equal(text.Length, announced.Fields["length"]!.GetValue<int>());
        Assert.Equal(length, announced.Fields["duration"]!.GetValue<double>(), 0.05);
        Assert.Equal("manual", announced.Fields["via"]!.GetValue<string>());
        Assert.DoesNotContain(text, announced.ToJson(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_f.Options.WorkDirectory!));
    }

    [Fact]
    public async Task PlayNext_LongerText_PlaysLonger()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True((await _f.AnnounceAsync("""{"text":"请注意。"}""")).Ok);
        await PlayThroughAsync(ct);
        Assert.True((await _f.AnnounceAsync("""{"text":"请注意：本站将在十分钟后进行清洁，请带好您的随身物品，谢谢您的合作。"}""")).Ok);
        await PlayThroughAsync(ct);
        var durations = _f.Events("intercom.announced").Select(e => e.Fields["duration"]!.GetValue<double>()).ToList();
        Assert.True(durations[1] > durations[0] * 2, $"durations {string.Join(", ", durations)}");
    }

    [Fact]
    public async Task PlayNext_Volume_ScalesTheSamples()
    {
        var ct = TestContext.Current.CancellationToken;
        _f.WriteClip("tone.wav", 0.5, amplitude: 0.8);
        Assert.True((await _f.AnnounceAsync("""{"clip":"tone","volume":100}""")).Ok);
        await PlayThroughAsync(ct);
        Assert.True((await _f.AnnounceAsync("""{"clip":"tone","volume":25}""")).Ok);
        await PlayThroughAsync(ct);
        var loud = (await SoxStatAsync(_f.Sink.Played[0])).Rms;
        var quiet = (await SoxStatAsync(_f.Sink.Played[1])).Rms;
        Assert.Equal(0.25, quiet / loud, 0.01);
        Assert.Equal("tone", _f.Events("intercom.announced")[1].Fields["clip"]!.GetValue<string>());
    }

    [Fact]
    public async Task PlayNext_Amplifier_OnOnlyForPreRollPlayingAndHangTime()
    {
        var ct = TestContext.Current.CancellationToken;
        _f.WriteClip("chime.wav", 1.0);
        Assert.True((await _f.AnnounceAsync("""{"clip":"chime"}""")).Ok);
        Assert.False(_f.Amp);

        var play = _f.Player.PlayNextAsync(ct);
        await IntercomFixture.UntilAsync(() => _f.Amp, "the amplifier to switch on");
        _f.Time.Advance(TimeSpan.FromMilliseconds(299));
        Assert.Empty(_f.Sink.Played);
        _f.Time.Advance(TimeSpan.FromMilliseconds(1));
        await IntercomFixture.UntilAsync(() => _f.Sink.Played.Count == 1, "the clip to start");
        Assert.True(_f.State.Get("intercom")!["ampOn"]!.GetValue<bool>());
        Assert.Equal("clip", _f.State.Get("intercom")!["playing"]!["kind"]!.GetValue<string>());

        _f.Time.Advance(TimeSpan.FromSeconds(1));
        await play.WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.True(_f.Amp);
        Assert.Null(_f.State.Get("intercom")!["playing"]);
        _f.Time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.True(_f.Amp);
        _f.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(_f.Amp);
        Assert.False(_f.State.Get("intercom")!["ampOn"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PlayNext_WithinHangTime_PlaysAtOnceWithoutSwitchingOff()
    {
        var ct = TestContext.Current.CancellationToken;
        _f.WriteClip("chime.wav", 1.0);
        var switches = new List<bool>();
        _f.Chip.OutputChanged += (pin, value) =>
        {
            if (pin == IntercomFixture.AmpPin)
            {
                switches.Add(value == System.Device.Gpio.PinValue.High);
            }
        };
        Assert.True((await _f.AnnounceAsync("""{"clip":"chime"}""")).Ok);
        await PlayThroughAsync(ct);
        _f.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await _f.AnnounceAsync("""{"clip":"chime"}""")).Ok);
        var second = _f.Player.PlayNextAsync(ct);
        await IntercomFixture.UntilAsync(() => _f.Sink.Played.Count == 2, "the second clip to start without pre-roll");
        _f.Time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(30), ct);
        _f.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([true, false], switches);
    }

    [Fact]
    public async Task PlayNext_InfoQueuedBeforeQuietHours_IsDroppedWhenTheyBegin()
    {
        var ct = TestContext.Current.CancellationToken;
        using var evening = new IntercomFixture(new DateTimeOffset(2026, 11, 23, 21, 59, 0, TimeSpan.Zero));
        evening.WriteClip("chime.wav", 0.5);
        Assert.True((await evening.AnnounceAsync("""{"clip":"chime"}""")).Result!["queued"]!.GetValue<bool>());
        evening.Time.Advance(TimeSpan.FromMinutes(1));
        await evening.Player.PlayNextAsync(ct).WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.Empty(evening.Sink.Played);
        Assert.False(evening.Amp);
        Assert.Empty(evening.Events("intercom.announced"));
    }

    [Fact]
    public async Task PlayNext_UrgentDuringQuietHours_Plays()
    {
        var ct = TestContext.Current.CancellationToken;
        using var night = new IntercomFixture(new DateTimeOffset(2026, 11, 23, 23, 0, 0, TimeSpan.Zero));
        night.WriteClip("chime.wav", 0.5);
        Assert.True((await night.AnnounceAsync("""{"clip":"chime","priority":"urgent"}""")).Ok);
        var play = night.Player.PlayNextAsync(ct);
        await IntercomFixture.UntilAsync(() => night.Amp, "the amplifier");
        night.Time.Advance(night.Options.PreRoll);
        await IntercomFixture.UntilAsync(() => night.Sink.Played.Count == 1, "the clip");
        night.Time.Advance(TimeSpan.FromSeconds(0.5));
        await play.WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.Equal("urgent", Assert.Single(night.Events("intercom.announced")).Fields["priority"]!.GetValue<string>());
    }

    /// <summary>Drives the fake clock through pre-roll and the sound itself while the player works.</summary>
    private async Task PlayThroughAsync(CancellationToken ct)
    {
        var before = _f.Sink.Played.Count;
        var play = _f.Player.PlayNextAsync(ct);
        await IntercomFixture.UntilAsync(() => _f.Amp || play.IsCompleted, "the amplifier");
        _f.Time.Advance(_f.Options.PreRoll);
        await IntercomFixture.UntilAsync(() => _f.Sink.Played.Count > before || play.IsCompleted, "playback");
        if (!play.IsCompleted)
        {
            _f.Time.Advance(WavFile.TryGetDuration(_f.Sink.Played[^1])!.Value + TimeSpan.FromMilliseconds(1));
        }

        await play.WaitAsync(TimeSpan.FromSeconds(30), ct);
    }

    private static async Task<(double Length, double Rms)> SoxStatAsync(string wav)
    {
        var start = new ProcessStartInfo("sox") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in (string[])[wav, "-n", "stat"])
        {
            start.ArgumentList.Add(a);
        }

        using var sox = Process.Start(start)!;
        var report = await sox.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await sox.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, sox.ExitCode);
        return (Stat(report, "Length (seconds)"), Stat(report, "RMS     amplitude"));
    }

    private static double Stat(string report, string name) =>
        double.Parse(Regex.Match(report, Regex.Escape(name) + @":\s+(\S+)").Groups[1].Value, CultureInfo.InvariantCulture);

    public void Dispose() => _f.Dispose();
}
