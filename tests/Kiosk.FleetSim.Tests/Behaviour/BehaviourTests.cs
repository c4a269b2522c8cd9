using System.Text.Json;
using Kiosk.Contract.Events;
using Kiosk.FleetSim.Behaviour;
using Kiosk.FleetSim.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.FleetSim.Tests.Behaviour;

/// <summary>The simulated behaviour over a virtual week of the 20 Yingze stations.</summary>
public sealed class BehaviourTests
{
    private static readonly Lazy<List<(string Kiosk, KioskEventMessage Event)>> Week = new(RunWeek);

    [Fact]
    public void Week_EveryEventParsesWithTheContract_SeqGrowsByOnePerKiosk()
    {
        foreach (var group in Week.Value.GroupBy(e => e.Kiosk))
        {
            var seqs = group.Select(e => e.Event.Envelope.Seq).ToList();
            Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
            Assert.All(group, e => Assert.True(e.Event.IsKnownType && e.Event.BodyError is null, $"{e.Event.Envelope.Type}: {e.Event.BodyError}"));
        }
    }

    [Fact]
    public void Week_VisitsPeakAtSixAndNoonBeijingTime()
    {
        var byHour = Week.Value
            .Where(e => e.Event.Body is DoorOpened { Via: "scan", Role: "worker" })
            .GroupBy(e => e.Event.Envelope.Ts.ToOffset(TimeSpan.FromHours(8)).Hour)
            .ToDictionary(g => g.Key, g => g.Count());
        var night = byHour.GetValueOrDefault(3);
        Assert.True(byHour[6] > 3 * night, $"06:00 {byHour[6]} vs 03:00 {night}");
        Assert.True(byHour[12] > 3 * night, $"12:00 {byHour[12]} vs 03:00 {night}");
        Assert.True(byHour[6] > byHour[9] && byHour[12] > byHour[9], $"06 {byHour[6]}, 09 {byHour[9]}, 12 {byHour[12]}");
        var perStationDay = byHour.Values.Sum() / 20.0 / 7;
        Assert.InRange(perStationDay, 25, 55);
    }

    [Theory]
    [InlineData(EventTypes.StewardCheckin)]
    [InlineData(EventTypes.StewardCheckout)]
    [InlineData(EventTypes.DoorClosed)]
    [InlineData(EventTypes.DoorForcedOpen)]
    [InlineData(EventTypes.DoorHeldOpen)]
    [InlineData(EventTypes.IntercomHelp)]
    [InlineData(EventTypes.PowerTrip)]
    [InlineData(EventTypes.PowerRestored)]
    [InlineData(EventTypes.OccupancyFull)]
    public void Week_HappensAtLeastOnce(string type) =>
        Assert.Contains(Week.Value, e => e.Event.Envelope.Type == type);

    [Fact]
    public void Week_StewardChecksInMorningAndOutEvening()
    {
        var attendance = Week.Value.Where(e => e.Event.Body is StewardCheckin or StewardCheckout).ToList();
        Assert.All(attendance, e =>
        {
            var hour = e.Event.Envelope.Ts.ToOffset(TimeSpan.FromHours(8)).Hour;
            Assert.True(e.Event.Body is StewardCheckin ? hour is 7 or 8 : hour is 17 or 18, $"{e.Event.Envelope.Type} at {hour}h");
        });
        Assert.InRange(attendance.Count(e => e.Event.Body is StewardCheckin), 20 * 7 * 8 / 10, 20 * 7);
    }

    [Fact]
    public void Week_SubsArePseudonymous()
    {
        var subs = Week.Value.Select(e => e.Event.Raw.TryGetProperty("sub", out var s) ? s.GetString() : null).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(subs);
        Assert.All(subs, s => Assert.Matches("^(w|st)-[0-9a-f]{8}$", s));
    }

    [Fact]
    public async Task StepTo_LinkDropsAboutOncePerKioskPerDay()
    {
        await using var sim = SimFactory.Create(20, 7, new FakeTimeProvider(), behaviour: new BehaviourOptions());
        var drops = 0;
        for (var t = SimFactory.Start; t < SimFactory.Start.AddDays(5); t = t.AddMinutes(1))
        {
            sim.StepTo(t);
            foreach (var k in sim.Kiosks)
            {
                if (k.Model.LinkDownUntil is { } until && until <= t)
                {
                    k.Model.LinkDownUntil = null;
                    drops++;
                }
            }
        }

        Assert.InRange(drops, 50, 160);
    }

    [Fact]
    public void RatePerHour_OverADay_IsTheDailyVisits()
    {
        var total = Enumerable.Range(0, 24 * 60).Sum(m => VisitProfile.RatePerHour((m + 0.5) / 60, 40) / 60);
        Assert.Equal(40, total, 1);
    }

    private static List<(string, KioskEventMessage)> RunWeek()
    {
        var sim = SimFactory.Create(20, 11, new FakeTimeProvider());
        sim.StepTo(SimFactory.Start.AddDays(7));
        var events = sim.Kiosks.SelectMany(k => k.Model.Events.Recorded!.Select(e => (k.Id, KioskEventMessage.Parse(e.Payload)))).ToList();
        sim.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return events;
    }
}
