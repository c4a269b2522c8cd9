using System.Text;
using System.Text.Json.Nodes;
using Kiosk.FleetSim.Behaviour;
using Kiosk.FleetSim.Commands;
using Kiosk.FleetSim.Mqtt;
using Kiosk.FleetSim.Runner;
using Kiosk.FleetSim.Stations;
using Kiosk.FleetSim.Tests.Infrastructure;
using Kiosk.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.FleetSim.Tests.Commands;

/// <summary>The simulated kiosk's command path: the kiosk's checks and replies, with real tokens on a fake clock.</summary>
public sealed class SimCommandProcessorTests : IDisposable
{
    private const string Issuer = "https://issuer.test.invalid";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
    private readonly TokenIssuer _tokens;
    private readonly SimKiosk _kiosk;
    private readonly string _privatePem;

    public SimCommandProcessorTests()
    {
        var (privatePem, publicPem) = KeyPairGenerator.CreateP256();
        _privatePem = privatePem;
        _tokens = new TokenIssuer(privatePem, "k1", _clock);
        var trust = TrustSource.FromPem("k1", Issuer, publicPem, [KioskRole.Worker, KioskRole.Steward, KioskRole.Maintenance, KioskRole.Operator]);
        _kiosk = new SimKiosk(StationCatalog.Yingze(1)[0], 1, SimFactory.Start, new BehaviourOptions(), trust, "kiosk", _clock, TimeSpan.FromSeconds(30), "test");
    }

    [Fact]
    public void Handle_ValidLock_OkWithResultOnReplyTopic()
    {
        var reply = Send("lock", "r-1", Token("lock", door: "life"));

        Assert.Equal("kiosk/tyyz-0001/reply/r-1", reply.Topic);
        var json = Json(reply);
        Assert.True(json["ok"]!.GetValue<bool>(), json.ToJsonString());
        Assert.Equal("life", json["result"]!["door"]!.GetValue<string>());
        Assert.Equal("locked", json["result"]!["lock"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("wrong_audience")]
    [InlineData("expired")]
    [InlineData("bad_arguments")]
    [InlineData("role_forbidden")]
    [InlineData("unknown_command")]
    [InlineData("malformed")]
    [InlineData("unknown_door")]
    public void Handle_Refused_ReplyCarriesTheKiosksReason(string reason)
    {
        var (name, token) = reason switch
        {
            "wrong_audience" => ("lock", Token("lock", audience: "tyyz-0002")),
            "expired" => ("lock", Expired("lock")),
            "bad_arguments" => ("lock", Token("power")),
            "role_forbidden" => ("lock", Token("lock", role: KioskRole.Worker)),
            "unknown_command" => ("open_sesame", Token("open_sesame")),
            "unknown_door" => ("lock", Token("lock", door: "attic")),
            _ => ("lock", "not.a.token"),
        };

        var json = Json(Send(name, "r-" + reason, token));

        Assert.False(json["ok"]!.GetValue<bool>());
        Assert.Equal(reason, json["error"]!.GetValue<string>());
    }

    [Fact]
    public void Handle_ResentSameId_SameBytes_NewIdSameToken_Replayed()
    {
        var token = Token("lock");
        var first = Send("lock", "r-a", token);
        _clock.Advance(TimeSpan.FromSeconds(3));
        var resent = Send("lock", "r-a", token);
        var replayed = Json(Send("lock", "r-b", token));

        Assert.Equal(first.Payload, resent.Payload);
        Assert.Equal("replayed", replayed["error"]!.GetValue<string>());
    }

    [Fact]
    public void Handle_Retained_Malformed_TooLarge_TooLarge_NoIdNoResponseTopic_NoReply()
    {
        var retained = _kiosk.Commands.Handle(new IncomingCommand("kiosk/tyyz-0001/cmd/lock", Envelope("r-k", Token("lock")), true, null, null))!;
        var huge = _kiosk.Commands.Handle(new IncomingCommand("kiosk/tyyz-0001/cmd/lock", Encoding.UTF8.GetBytes("{\"id\":\"r-h\",\"token\":\"" + new string('x', 20_000) + "\"}"), false, null, null))!;
        var anonymous = _kiosk.Commands.Handle(new IncomingCommand("kiosk/tyyz-0001/cmd/lock", "{}"u8.ToArray(), false, null, null));

        Assert.Equal("malformed", Json(retained)["error"]!.GetValue<string>());
        Assert.Equal("too_large", Json(huge)["error"]!.GetValue<string>());
        Assert.Null(anonymous);
    }

    [Fact]
    public void Handle_UnlockPassWithResponseTopic_RepliesThereAndRecordsRemoteOpening()
    {
        var pass = _tokens.Issue(new TokenDescriptor { Issuer = Issuer, Audiences = ["tyyz-0001"], Subject = "w-1", Role = KioskRole.Worker, Door = "rest", Lifetime = TimeSpan.FromSeconds(60) });
        var correlation = new byte[] { 1, 2, 3 };

        var reply = _kiosk.Commands.Handle(new IncomingCommand("kiosk/tyyz-0001/cmd/unlock", Envelope("r-u", pass), false, "console/replies", correlation))!;

        Assert.Equal("console/replies", reply.Topic);
        Assert.Equal(correlation, reply.CorrelationData);
        Assert.Equal("rest", Json(reply)["result"]!["door"]!.GetValue<string>());
        var opened = JsonNode.Parse(LastEvent())!;
        Assert.Equal("door.opened", opened["type"]!.GetValue<string>());
        Assert.Equal("remote", opened["via"]!.GetValue<string>());
    }

    public void Dispose()
    {
        _kiosk.Dispose();
        _tokens.Dispose();
    }

    private string LastEvent()
    {
        var last = "{}";
        while (_kiosk.Model.Events.Peek() is { } e)
        {
            last = Encoding.UTF8.GetString(e.Payload);
            _kiosk.Model.Events.Acknowledge(e);
        }

        return last;
    }

    private OutgoingReply Send(string name, string id, string token) =>
        _kiosk.Commands.Handle(new IncomingCommand($"kiosk/tyyz-0001/cmd/{name}", Envelope(id, token), false, null, null))!;

    private static byte[] Envelope(string id, string token) => Encoding.UTF8.GetBytes(new JsonObject { ["id"] = id, ["token"] = token }.ToJsonString());

    private static JsonObject Json(OutgoingReply reply) => JsonNode.Parse(reply.Payload)!.AsObject();

    private string Token(string cmd, string? door = null, KioskRole role = KioskRole.Operator, string audience = "tyyz-0001") =>
        _tokens.Issue(new TokenDescriptor { Issuer = Issuer, Audiences = [audience], Subject = "op-1", Role = role, Cmd = cmd, Door = door, Lifetime = TimeSpan.FromSeconds(60) });

    private string Expired(string cmd)
    {
        using var past = new TokenIssuer(_privatePem, "k1", new FakeTimeProvider(_clock.GetUtcNow().AddMinutes(-10)));
        return past.Issue(new TokenDescriptor { Issuer = Issuer, Audiences = ["tyyz-0001"], Subject = "op-1", Role = KioskRole.Operator, Cmd = cmd, Lifetime = TimeSpan.FromSeconds(60) });
    }
}
