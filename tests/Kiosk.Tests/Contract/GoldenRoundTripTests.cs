using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Events;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;

namespace Kiosk.Tests.Contract;

/// <summary>
/// Kiosk.Contract reads every golden payload into its record and writes it back byte for byte: the
/// records hold every field, in wire order, with the wire's null handling and number format.
/// </summary>
public sealed class GoldenRoundTripTests
{
    public static TheoryData<string> EventFiles => [.. GoldenFile.All().Where(n => n.StartsWith("events/", StringComparison.Ordinal))];

    public static TheoryData<string> ReplyFiles => [.. GoldenFile.All().Where(n => n.StartsWith("replies/", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(EventFiles))]
    public void Event_Golden_ParsesToItsRecordAndWritesBackIdentically(string name)
    {
        var golden = GoldenFile.Read(name);

        var e = KioskEventMessage.Parse(Encoding.UTF8.GetBytes(golden));

        Assert.Null(e.BodyError);
        Assert.NotNull(e.Body);
        Assert.Equal(e.Envelope.Type, e.Body.Type);
        Assert.Equal(golden, Encoding.UTF8.GetString(KioskEventWriter.Serialize(e.Envelope, e.Body)));
    }

    [Fact]
    public void Events_EveryRegisteredType_HasAGoldenFile()
    {
        var covered = GoldenFile.All().Where(n => n.StartsWith("events/", StringComparison.Ordinal))
            .Select(n => KioskEventMessage.Parse(Encoding.UTF8.GetBytes(GoldenFile.Read(n))).Envelope.Type)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal([], EventCatalog.TypeNames.Except(covered).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ReplyFiles))]
    public void Reply_Golden_RoundTrips(string name) => AssertRoundTrip(name, ContractJsonContext.Default.CommandReply);

    [Theory]
    [InlineData("replies/lock")]
    [InlineData("replies/mode")]
    [InlineData("replies/unlock")]
    [InlineData("replies/power")]
    [InlineData("replies/announce")]
    [InlineData("replies/announce-quiet_hours")]
    [InlineData("replies/ack_help")]
    [InlineData("replies/revoke")]
    [InlineData("replies/diag")]
    public void ReplyResult_Golden_ReadsIntoItsRecordAndWritesBack(string name)
    {
        var reply = JsonSerializer.Deserialize(GoldenFile.Read(name), ContractJsonContext.Default.CommandReply)!;
        var result = reply.Result!.Value.GetRawText();
        var c = ContractJsonContext.Default;

        string back = name switch
        {
            "replies/lock" => Write(reply.ResultAs(c.LockResult), c.LockResult),
            "replies/mode" => Write(reply.ResultAs(c.ModeResult), c.ModeResult),
            "replies/unlock" => Write(reply.ResultAs(c.UnlockResult), c.UnlockResult),
            "replies/power" => Write(reply.ResultAs(c.PowerResult), c.PowerResult),
            "replies/ack_help" => Write(reply.ResultAs(c.AckHelpResult), c.AckHelpResult),
            "replies/revoke" => Write(reply.ResultAs(c.RevokeResult), c.RevokeResult),
            "replies/diag" => Write(reply.ResultAs(c.DiagReport), c.DiagReport),
            _ => Write(reply.ResultAs(c.AnnounceResult), c.AnnounceResult),
        };

        Assert.Equal(result, back);
    }

    [Theory]
    [InlineData("state/doors")]
    [InlineData("state/circuits")]
    public void StateMaps_Golden_RoundTrip(string name)
    {
        if (name == "state/doors")
        {
            AssertRoundTrip(name, ContractJsonContext.Default.DictionaryStringDoorState);
        }
        else
        {
            AssertRoundTrip(name, ContractJsonContext.Default.DictionaryStringCircuitState);
        }
    }

    [Fact]
    public void StateSections_Golden_RoundTrip()
    {
        var c = ContractJsonContext.Default;
        AssertRoundTrip("state/circuit", c.CircuitState);
        AssertRoundTrip("state/circuit-fault", c.CircuitState);
        AssertRoundTrip("state/occupancy", c.OccupancyState);
        AssertRoundTrip("state/intercom-help", c.IntercomState);
        AssertRoundTrip("state/intercom-playing", c.IntercomState);
        AssertRoundTrip("state/health", c.HealthState);
        AssertRoundTrip("state/link", c.LinkState);
        AssertRoundTrip("state/maintenance", c.MaintenanceState);
        AssertRoundTrip("state/maintenance-off", c.MaintenanceState);
        AssertRoundTrip("state/climate", c.ClimateState);
        AssertRoundTrip("status/birth", c.StatusMessage);
        AssertRoundTrip("status/offline", c.StatusMessage);
    }

    private static void AssertRoundTrip<T>(string name, JsonTypeInfo<T> info)
    {
        var golden = GoldenFile.Read(name);
        Assert.Equal(golden, JsonSerializer.Serialize(JsonSerializer.Deserialize(golden, info)!, info));
    }

    private static string Write<T>(T? value, JsonTypeInfo<T> info) => JsonSerializer.Serialize(value!, info);
}
