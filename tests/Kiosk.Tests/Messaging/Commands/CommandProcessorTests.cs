using Kiosk.Contract.Topics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Commands;
using Kiosk.Edge.Messaging;
using Kiosk.Edge.Messaging.Commands;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Messaging.Commands;

public sealed class CommandProcessorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cmd-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly CountingCommand _lock = new("lock");
    private readonly CountingCommand _unlock = new("unlock", anyRole: true);
    private readonly ReplyStore _replies;
    private readonly CommandProcessor _processor;
    private readonly KioskTopics _topics = new("kiosk", "tyyz-0007");

    public CommandProcessorTests()
    {
        _replies = new ReplyStore(Path.Combine(_dir, "r.db"), new MqttCommandsOptions(), _time);
        _processor = new CommandProcessor(_topics, new CommandRouter([_lock, _unlock]), new ClaimsVerifier(), _replies, TimeSpan.FromSeconds(30), _time, NullLogger<CommandProcessor>.Instance);
    }

    [Fact]
    public async Task Handle_Retained_RefusedAsMalformedNoExecution()
    {
        var reply = await HandleAsync("lock", Envelope("r-1", new { cmd = "lock" }), retained: true);

        Assert.Equal("kiosk/tyyz-0007/reply/r-1", reply!.Topic);
        Assert.Equal("malformed", reply.Payload["error"]!.GetValue<string>());
        Assert.Equal(0, _lock.Executions);
    }

    [Fact]
    public async Task Handle_RetainedWithoutReadableId_Dropped()
    {
        Assert.Null(await HandleAsync("lock", "", retained: true));
        Assert.Equal(0, _lock.Executions);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Handle_OversizedAnnounce_TooLargeWhereverTheIdIs(bool idFirst)
    {
        // The example: an announce whose 20,000-character text makes a 27 kB command.
        var token = new string('a', 27_000);
        var payload = idFirst ? $$"""{"id":"r-big","token":"{{token}}"}""" : $$"""{"token":"{{token}}","id":"r-big"}""";

        var reply = await HandleAsync("lock", payload);

        Assert.Equal("kiosk/tyyz-0007/reply/r-big", reply!.Topic);
        Assert.False(reply.Payload["ok"]!.GetValue<bool>());
        Assert.Equal("too_large", reply.Payload["error"]!.GetValue<string>());
        Assert.Equal(0, _lock.Executions);
    }

    [Fact]
    public async Task Handle_OversizedAndTruncated_TooLargeToTheIdReadBeforeTheBreak()
    {
        var reply = await HandleAsync("lock", "{\"id\":\"r-cut\",\"token\":\"" + new string('x', 20_000));

        Assert.Equal("too_large", reply!.Payload["error"]!.GetValue<string>());
        Assert.Equal("r-cut", reply.Payload["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Handle_OversizedResent_SameReply()
    {
        var payload = $$"""{"id":"r-big","token":"{{new string('a', 20_000)}}"}""";
        var first = await HandleAsync("lock", payload);
        _time.Advance(TimeSpan.FromSeconds(5));

        var second = await HandleAsync("lock", payload);

        Assert.Equal(first!.Payload.ToJsonString(), second!.Payload.ToJsonString());
    }

    [Fact]
    public async Task Handle_OversizedWithoutId_Dropped()
    {
        Assert.Null(await HandleAsync("lock", $$"""{"token":"{{new string('a', 20_000)}}"}"""));
    }

    [Theory]
    [InlineData("{\"id\":\"r-1\",\"token\":")]
    [InlineData("{\"id\":\"r-1\",\"token\":\"x\",}")]
    [InlineData("{\"id\":\"r-1\",\"token\":\"x\"} trailing")]
    public async Task Handle_BrokenJsonAfterTheId_MalformedReply(string payload)
    {
        var reply = await HandleAsync("lock", payload);

        Assert.Equal("kiosk/tyyz-0007/reply/r-1", reply!.Topic);
        Assert.Equal("malformed", reply.Payload["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Handle_Valid_OkOnReplyTopicWithTs()
    {
        var reply = await HandleAsync("lock", Envelope("r-1", new { cmd = "lock", door = "rest" }));

        Assert.Equal("kiosk/tyyz-0007/reply/r-1", reply!.Topic);
        Assert.True(reply.Payload["ok"]!.GetValue<bool>());
        Assert.Equal("2026-11-23T06:00:00.000Z", reply.Payload["ts"]!.GetValue<string>());
        Assert.Equal("rest", reply.Payload["result"]!["door"]!.GetValue<string>());
        Assert.Equal(1, _lock.Executions);
    }

    [Fact]
    public async Task Handle_ResponseTopic_RepliesThereWithCorrelationData()
    {
        var correlation = Encoding.UTF8.GetBytes("c-9");

        var reply = await _processor.HandleAsync(
            new IncomingCommand("kiosk/tyyz-0007/cmd/lock", Encoding.UTF8.GetBytes(Envelope("r-1", new { cmd = "lock" })), false, "backend/r/1", correlation),
            TestContext.Current.CancellationToken);

        Assert.Equal("backend/r/1", reply!.Topic);
        Assert.Equal(correlation, reply.CorrelationData);
    }

    [Fact]
    public async Task Handle_Resent_SameReplyOneExecution()
    {
        var envelope = Envelope("r-1", new { cmd = "lock" });
        var first = await HandleAsync("lock", envelope);
        _time.Advance(TimeSpan.FromSeconds(5));

        var second = await HandleAsync("lock", envelope);

        Assert.Equal(first!.Payload.ToJsonString(), second!.Payload.ToJsonString());
        Assert.Equal(1, _lock.Executions);
    }

    [Fact]
    public async Task Handle_ResentDenied_SameDenialNotReverified()
    {
        var envelope = Envelope("r-1", new { cmd = "lock", deny = "expired" });

        var first = await HandleAsync("lock", envelope);
        var second = await HandleAsync("lock", envelope);

        Assert.Equal("expired", first!.Payload["error"]!.GetValue<string>());
        Assert.Equal(first.Payload.ToJsonString(), second!.Payload.ToJsonString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"token\":\"x\"}")]
    [InlineData("{\"id\":\"a/b\",\"token\":\"x\"}")]
    [InlineData("{\"id\":\"\",\"token\":\"x\"}")]
    public async Task Handle_MalformedWithoutUsableIdOrResponseTopic_Dropped(string payload)
    {
        Assert.Null(await HandleAsync("lock", payload));
        Assert.Equal(0, _lock.Executions);
    }

    [Fact]
    public async Task Handle_MalformedWithResponseTopic_RepliedThereWithNullId()
    {
        var reply = await _processor.HandleAsync(
            new IncomingCommand("kiosk/tyyz-0007/cmd/lock", Encoding.UTF8.GetBytes("{oops"), false, "backend/r/1", null),
            TestContext.Current.CancellationToken);

        Assert.Equal("backend/r/1", reply!.Topic);
        Assert.Null(reply.Payload["id"]);
        Assert.Equal("malformed", reply.Payload["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"id\":\"r-1\"}")]
    [InlineData("{\"id\":\"r-1\",\"token\":\"\"}")]
    [InlineData("{\"id\":\"r-1\",\"token\":17}")]
    public async Task Handle_UsableIdButNoToken_Malformed(string payload)
    {
        var reply = await HandleAsync("lock", payload);

        Assert.Equal("kiosk/tyyz-0007/reply/r-1", reply!.Topic);
        Assert.Equal("malformed", reply.Payload["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("lock", "{\"cmd\":\"power\"}", "bad_arguments")]
    [InlineData("lock", "{}", "bad_arguments")]
    [InlineData("unlock", "{\"cmd\":\"lock\"}", "bad_arguments")]
    [InlineData("fly", "{\"cmd\":\"fly\"}", "unknown_command")]
    [InlineData("lock", "{\"cmd\":\"lock\",\"role\":\"worker\"}", "role_forbidden")]
    [InlineData("lock", "{\"cmd\":\"lock\",\"deny\":\"bad_signature\"}", "bad_signature")]
    public async Task Handle_Rejected_ReasonAndNoExecution(string name, string claims, string reason)
    {
        var reply = await HandleAsync(name, new JsonObject { ["id"] = "r-1", ["token"] = claims }.ToJsonString());

        Assert.False(reply!.Payload["ok"]!.GetValue<bool>());
        Assert.Equal(reason, reply.Payload["error"]!.GetValue<string>());
        Assert.Equal(0, _lock.Executions + _unlock.Executions);
    }

    [Theory]
    [InlineData("{\"sub\":\"w-1\"}")]
    [InlineData("{\"sub\":\"w-1\",\"cmd\":\"unlock\"}")]
    public async Task Handle_UnlockWithPass_Executes(string claims)
    {
        var reply = await HandleAsync("unlock", new JsonObject { ["id"] = "r-1", ["token"] = claims }.ToJsonString());

        Assert.True(reply!.Payload["ok"]!.GetValue<bool>(), reply.Payload.ToJsonString());
        Assert.Equal(1, _unlock.Executions);
        Assert.Equal("w-1", _unlock.LastRequest!.Sub);
        Assert.Equal(CommandVia.Remote, _unlock.LastRequest.Via);
    }

    [Fact]
    public async Task Handle_OtherTopic_Ignored()
    {
        var reply = await _processor.HandleAsync(
            new IncomingCommand("kiosk/other/cmd/lock", Encoding.UTF8.GetBytes(Envelope("r-1", new { cmd = "lock" })), false, null, null),
            TestContext.Current.CancellationToken);

        Assert.Null(reply);
    }

    public void Dispose()
    {
        _replies.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Envelope(string id, object claims) =>
        new JsonObject { ["id"] = id, ["token"] = JsonSerializer.Serialize(claims) }.ToJsonString();

    private Task<CommandReply?> HandleAsync(string name, string payload, bool retained = false) =>
        _processor.HandleAsync(new IncomingCommand($"kiosk/tyyz-0007/cmd/{name}", Encoding.UTF8.GetBytes(payload), retained, null, null), TestContext.Current.CancellationToken);

    /// <summary>The "token" is the claims JSON itself; a <c>deny</c> claim forces a reason.</summary>
    private sealed class ClaimsVerifier : CommandTokenVerifier
    {
        public override ValueTask<TokenVerdict> VerifyAsync(string token, CancellationToken cancellationToken)
        {
            var claims = JsonDocument.Parse(token).RootElement.Clone();
            if (claims.TryGetProperty("deny", out var deny))
            {
                return ValueTask.FromResult(TokenVerdict.Deny(deny.GetString()!));
            }

            var role = claims.TryGetProperty("role", out var r) ? r.GetString()! : "operator";
            var sub = claims.TryGetProperty("sub", out var s) ? s.GetString() : "op-1";
            return ValueTask.FromResult(new TokenVerdict(null, sub, role, claims, token));
        }
    }

    private sealed class CountingCommand(string name, bool anyRole = false) : KioskCommand
    {
        public override string Name => name;

        public override IReadOnlySet<string>? AllowedRoles => anyRole ? null : base.AllowedRoles;

        public int Executions { get; private set; }

        public CommandRequest? LastRequest { get; private set; }

        public override ValueTask<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
        {
            Executions++;
            LastRequest = request;
            var door = request.Arguments.TryGetProperty("door", out var d) ? d.GetString() : null;
            return ValueTask.FromResult(new CommandResult(true, new JsonObject { ["door"] = door }, null));
        }
    }
}
