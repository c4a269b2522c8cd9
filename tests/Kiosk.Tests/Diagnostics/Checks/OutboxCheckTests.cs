using Kiosk.Contract.Events;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;
using Kiosk.Edge.Events;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Diagnostics.Checks;

public sealed class OutboxCheckTests
{
    [Fact]
    public async Task RunAsync_FewPending_Passes()
    {
        using var kiosk = new TestKiosk();
        var r = await new OutboxCheck(kiosk.Journal, Options.Create(new DiagnosticsOptions())).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.EndsWith("0 dropped", r.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ManyPending_Warns()
    {
        using var kiosk = new TestKiosk();
        for (var i = 0; i < 5; i++)
        {
            kiosk.Journal.Append(new DoorClosed("rest"));
        }

        var r = await new OutboxCheck(kiosk.Journal, Options.Create(new DiagnosticsOptions { OutboxWarnPending = 3 })).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.Contains("broker", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EventsDropped_Warns()
    {
        using var kiosk = new TestKiosk(new EventJournalOptions { MaxPendingEvents = 10 });
        var before = kiosk.Journal.PendingCount;
        for (var i = 0; i < 12 - before; i++)
        {
            kiosk.Journal.Append(new DoorClosed("rest"));
        }

        var r = await new OutboxCheck(kiosk.Journal, Options.Create(new DiagnosticsOptions())).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.EndsWith("2 dropped", r.Detail, StringComparison.Ordinal);
        Assert.Contains("Events:MaxPendingEvents", r.Hint, StringComparison.Ordinal);
    }
}
