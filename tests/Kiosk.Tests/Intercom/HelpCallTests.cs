using System.Device.Gpio;
using Kiosk.Edge.Commands;

namespace Kiosk.Tests.Intercom;

public sealed class HelpCallTests : IDisposable
{
    private readonly IntercomFixture _f = new();

    private void PressButton()
    {
        // Active low, with a little contact bounce on the way down.
        _f.Chip.SetInput(IntercomFixture.CallButtonPin, PinValue.Low);
        _f.Time.Advance(TimeSpan.FromMilliseconds(5));
        _f.Chip.SetInput(IntercomFixture.CallButtonPin, PinValue.High);
        _f.Time.Advance(TimeSpan.FromMilliseconds(5));
        _f.Chip.SetInput(IntercomFixture.CallButtonPin, PinValue.Low);
        _f.Time.Advance(TimeSpan.FromMilliseconds(200));
        _f.Chip.SetInput(IntercomFixture.CallButtonPin, PinValue.High);
        _f.Time.Advance(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Press_CallButton_RaisesHelpAndLightsIndicator()
    {
        Assert.False(_f.HelpLed);
        PressButton();
        var help = Assert.Single(_f.Events("intercom.help"));
        Assert.Equal("rest", help.Fields["cabin"]!.GetValue<string>());
        Assert.False(help.Fields["repeat"]!.GetValue<bool>());
        Assert.True(_f.HelpLed);
        Assert.True(_f.State.Get("intercom")!["help"]!["pending"]!.GetValue<bool>());
        Assert.StartsWith("2026-11-23T10:00:00.", _f.State.Get("intercom")!["help"]!["since"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Press_AgainWhilePending_RaisesAtMostOnePer30Seconds()
    {
        PressButton();
        PressButton();
        PressButton();
        Assert.Single(_f.Events("intercom.help"));

        _f.Time.Advance(TimeSpan.FromSeconds(30));
        PressButton();
        PressButton();
        var events = _f.Events("intercom.help");
        Assert.Equal(2, events.Count);
        Assert.True(events[1].Fields["repeat"]!.GetValue<bool>());
        Assert.Equal(4, events[1].Fields["presses"]!.GetValue<int>());
    }

    [Fact]
    public async Task AckHelp_Pending_ClearsIndicatorAndRecordsAck()
    {
        PressButton();
        var result = await _f.AckHelp.ExecuteAsync(IntercomFixture.Request("ack_help", "{}", CommandVia.Remote), CancellationToken.None);
        Assert.True(result.Ok);
        Assert.True(result.Result!["cleared"]!.GetValue<bool>());
        Assert.False(_f.HelpLed);
        Assert.False(_f.State.Get("intercom")!["help"]!["pending"]!.GetValue<bool>());
        var ack = Assert.Single(_f.Events("intercom.help_ack"));
        Assert.Equal("remote", ack.Fields["via"]!.GetValue<string>());

        // A new press after the acknowledgement is a new call.
        PressButton();
        Assert.Equal(2, _f.Events("intercom.help").Count);
        Assert.True(_f.HelpLed);
    }

    [Fact]
    public async Task AckHelp_NothingPending_ReportsNotCleared()
    {
        var result = await _f.AckHelp.ExecuteAsync(IntercomFixture.Request("ack_help", "{}"), CancellationToken.None);
        Assert.True(result.Ok);
        Assert.False(result.Result!["cleared"]!.GetValue<bool>());
        Assert.Empty(_f.Events("intercom.help_ack"));
    }

    [Fact]
    public async Task AckHelp_RemoteWorkerRole_IsForbiddenAndIndicatorStaysOn()
    {
        PressButton();
        var router = new CommandRouter([_f.AckHelp]);
        var result = await router.ExecuteAsync(IntercomFixture.Request("ack_help", "{}", CommandVia.Remote, role: "worker"), CancellationToken.None);
        Assert.Equal("role_forbidden", result.Error);
        Assert.True(_f.HelpLed);
        Assert.Equal(["maintenance", "operator"], _f.AckHelp.AllowedRoles!.Order(StringComparer.Ordinal));
    }

    public void Dispose() => _f.Dispose();
}
