using Kiosk.Edge.Intercom;

namespace Kiosk.Tests.Intercom;

public sealed class AnnounceCommandTests : IDisposable
{
    private readonly IntercomFixture _f = new();

    public AnnounceCommandTests() => _f.WriteClip("chime.wav", 0.5);

    [Theory]
    [InlineData("""{"text":"请注意","clip":"chime"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"priority":"urgent"}""")]
    [InlineData("""{"clip":"../clips/chime.wav"}""")]
    [InlineData("""{"clip":"chime..wav"}""")]
    [InlineData("""{"clip":"clips/chime.wav"}""")]
    [InlineData("""{"clip":"clips\\chime.wav"}""")]
    [InlineData("""{"clip":"/etc/passwd"}""")]
    [InlineData("""{"clip":".chime"}""")]
    [InlineData("""{"clip":"missing"}""")]
    [InlineData("""{"clip":7}""")]
    [InlineData("""{"text":"   "}""")]
    [InlineData("""{"text":5}""")]
    [InlineData("""{"text":"a\u0000b"}""")]
    [InlineData("""{"text":"hello","priority":"loud"}""")]
    [InlineData("""{"text":"hello","priority":1}""")]
    [InlineData("""{"text":"hello","volume":101}""")]
    [InlineData("""{"text":"hello","volume":-1}""")]
    [InlineData("""{"text":"hello","volume":50.5}""")]
    [InlineData("""{"text":"hello","volume":"50"}""")]
    public async Task Execute_BadArguments_FailsAndQueuesNothing(string args)
    {
        var result = await _f.AnnounceAsync(args);
        Assert.False(result.Ok);
        Assert.Equal("bad_arguments", result.Error);
        Assert.Equal(0, _f.Queue.Count);
        Assert.Empty(_f.Journal.ReadAfter(0, 100));
    }

    [Fact]
    public async Task Execute_TextLongerThanLimit_FailsAndQueuesNothing()
    {
        var ok = await _f.AnnounceAsync($$"""{"text":"{{new string('a', 500)}}"}""");
        Assert.True(ok.Ok);
        var result = await _f.AnnounceAsync($$"""{"text":"{{new string('a', 501)}}"}""");
        Assert.Equal("bad_arguments", result.Error);
        Assert.Equal(1, _f.Queue.Count);
    }

    [Theory]
    [InlineData("""{"clip":"chime"}""")]
    [InlineData("""{"clip":"chime.wav","priority":"urgent","volume":0}""")]
    [InlineData("""{"text":"-v 请注意","volume":100,"cmd":"announce","jti":"x"}""")]
    public async Task Execute_ValidArguments_QueuesAndRepliesPosition(string args)
    {
        var result = await _f.AnnounceAsync(args);
        Assert.True(result.Ok, result.Error);
        Assert.True(result.Result!["queued"]!.GetValue<bool>());
        Assert.Equal(1, result.Result!["position"]!.GetValue<int>());
        Assert.Equal(1, _f.Queue.Count);
        Assert.Equal(1, _f.State.Get("intercom")!["queueLength"]!.GetValue<int>());
    }

    [Fact]
    public async Task Execute_UrgentAfterInfo_JumpsTheQueue()
    {
        Assert.Equal(1, (await _f.AnnounceAsync("""{"text":"first"}""")).Result!["position"]!.GetValue<int>());
        Assert.Equal(2, (await _f.AnnounceAsync("""{"text":"second"}""")).Result!["position"]!.GetValue<int>());
        Assert.Equal(1, (await _f.AnnounceAsync("""{"text":"fire","priority":"urgent"}""")).Result!["position"]!.GetValue<int>());
        Assert.Equal(2, (await _f.AnnounceAsync("""{"text":"flood","priority":"urgent"}""")).Result!["position"]!.GetValue<int>());

        var order = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            order.Add((await _f.Queue.DequeueAsync(CancellationToken.None)).Text!);
        }

        Assert.Equal(["fire", "flood", "first", "second"], order);
    }

    [Fact]
    public async Task Execute_InfoDuringQuietHours_IsSuppressedButUrgentQueues()
    {
        using var night = new IntercomFixture(new DateTimeOffset(2026, 11, 23, 23, 0, 0, TimeSpan.Zero));
        var info = await night.AnnounceAsync("""{"text":"hot water is back"}""");
        Assert.True(info.Ok);
        Assert.False(info.Result!["queued"]!.GetValue<bool>());
        Assert.Equal("quiet_hours", info.Result!["suppressed"]!.GetValue<string>());
        Assert.Equal(0, night.Queue.Count);

        var urgent = await night.AnnounceAsync("""{"text":"please leave the cabin","priority":"urgent"}""");
        Assert.True(urgent.Result!["queued"]!.GetValue<bool>());
        Assert.Equal(1, night.Queue.Count);
    }

    [Fact]
    public async Task Execute_QueueFull_FailsRateLimited()
    {
        using var small = new IntercomFixture(configure: o => o.MaxQueueLength = 2);
        Assert.True((await small.AnnounceAsync("""{"text":"one"}""")).Ok);
        Assert.True((await small.AnnounceAsync("""{"text":"two"}""")).Ok);
        Assert.Equal("rate_limited", (await small.AnnounceAsync("""{"text":"three"}""")).Error);
        Assert.Equal(2, small.Queue.Count);
    }

    [Theory]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    [InlineData(3, 0, true)]
    [InlineData(5, 59, true)]
    [InlineData(6, 0, false)]
    [InlineData(12, 0, false)]
    public void IsQuiet_DefaultHoursInStationZone_CoversTheNight(int hour, int minute, bool quiet)
    {
        // Shanghai is UTC+8: local 22:00 is 14:00 UTC.
        var hours = new QuietHours(TimeSpan.FromHours(22), TimeSpan.FromHours(6), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var local = new DateTimeOffset(2026, 11, 23, hour, minute, 0, TimeSpan.FromHours(8));
        Assert.Equal(quiet, hours.IsQuiet(local.ToUniversalTime()));
    }

    public void Dispose() => _f.Dispose();
}
