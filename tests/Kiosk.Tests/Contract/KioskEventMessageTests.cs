using System.Text;
using Kiosk.Contract.Events;
using Kiosk.Contract.Vocabulary;

namespace Kiosk.Tests.Contract;

public sealed class KioskEventMessageTests
{
    private static readonly DateTimeOffset Ts = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_UnknownType_KeepsEnvelopeAndRawWithoutBody()
    {
        var e = KioskEventMessage.Parse(Bytes("""{"id":"a1","seq":7,"ts":"2026-11-23T06:00:00.000Z","type":"climate.alarm","cabin":"rest","celsius":41.5}"""));

        Assert.False(e.IsKnownType);
        Assert.Null(e.Body);
        Assert.Null(e.BodyError);
        Assert.Equal(new EventEnvelope("a1", 7, Ts, "climate.alarm"), e.Envelope);
        Assert.Equal(41.5, e.Raw.GetProperty("celsius").GetDouble());
    }

    [Fact]
    public void Parse_KnownTypeMissingField_EnvelopeKeptAndBodyErrorNamesTheRecord()
    {
        var e = KioskEventMessage.Parse(Bytes("""{"id":"a1","seq":7,"ts":"2026-11-23T06:00:00.000Z","type":"door.opened","via":"scan"}"""));

        Assert.True(e.IsKnownType);
        Assert.Null(e.Body);
        Assert.Contains("DoorOpened", e.BodyError, StringComparison.Ordinal);
        Assert.Equal(7, e.Envelope.Seq);
    }

    [Fact]
    public void Parse_ExtraFieldOnKnownType_Ignored()
    {
        var e = KioskEventMessage.Parse(Bytes("""{"id":"a1","seq":1,"ts":"2026-11-23T06:00:00.000Z","type":"door.closed","door":"rest","epoch":3}"""));

        Assert.True(e.TryGetBody<DoorClosed>(out var closed));
        Assert.Equal("rest", closed.Door);
    }

    [Theory]
    [InlineData("[]", "an event is a JSON object")]
    [InlineData("{", "not JSON")]
    [InlineData("""{"seq":1,"ts":"2026-11-23T06:00:00.000Z","type":"door.closed"}""", "event without a string id")]
    [InlineData("""{"id":"a1","seq":"1","ts":"2026-11-23T06:00:00.000Z","type":"door.closed"}""", "event a1 without an integer seq")]
    [InlineData("""{"id":"a1","seq":1,"ts":"yesterday","type":"door.closed"}""", "event a1 without an RFC 3339 ts")]
    [InlineData("""{"id":"a1","seq":1,"ts":"2026-11-23T06:00:00.000Z"}""", "event a1 without a string type")]
    public void TryParse_BadEnvelope_FalseWithSpecificError(string json, string error)
    {
        Assert.False(KioskEventMessage.TryParse(Bytes(json), out _, out var message));
        Assert.StartsWith(error, message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => KioskEventMessage.Parse(Bytes(json)));
    }

    [Fact]
    public void Serialize_EmptyBody_EnvelopeOnly()
    {
        var json = Encoding.UTF8.GetString(KioskEventWriter.Serialize(new EventEnvelope("a1", 1, Ts, EventTypes.DoorClosed), new DoorClosed("rest")));

        Assert.Equal("""{"id":"a1","seq":1,"ts":"2026-11-23T06:00:00.000Z","type":"door.closed","door":"rest"}""", json);
    }

    [Fact]
    public void Serialize_EnvelopeTypeDiffersFromBody_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => KioskEventWriter.Serialize(new EventEnvelope("a1", 1, Ts, EventTypes.DoorOpened), new DoorClosed("rest")));
        Assert.Contains("door.closed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_OptionalFieldsNull_Omitted()
    {
        var json = Encoding.UTF8.GetString(KioskEventWriter.Serialize(new EventEnvelope("a1", 2, Ts, EventTypes.DoorOpened), new DoorOpened("life", Vias.Exit)));

        Assert.Equal("""{"id":"a1","seq":2,"ts":"2026-11-23T06:00:00.000Z","type":"door.opened","door":"life","via":"exit"}""", json);
    }

    [Fact]
    public void EventTypes_EveryConstant_IsRegistered()
    {
        var names = typeof(EventTypes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(names.Order(StringComparer.Ordinal), EventCatalog.TypeNames.Order(StringComparer.Ordinal));
    }

    private static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);
}
