using System.Text;
using System.Text.Json.Nodes;
using Kiosk.IntegrationTests.Infrastructure;
using Kiosk.Tokens;
using MQTTnet.Protocol;

namespace Kiosk.IntegrationTests.Contract;

/// <summary>
/// The kiosk contract as a black box (contract section 3, issue 14): only MQTT and signed tokens (plus the exit
/// button), against a real Mosquitto. The same test bodies run against the real kiosk service and a simulated
/// kiosk (one subclass each), so the simulator is held to what the kiosk does.
/// </summary>
public abstract class KioskContractSuite : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<IAsyncDisposable> _cleanup = [];
    private readonly MosquittoBroker _broker = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("kiosk-contract-").FullName;
    private SignedTokens _tokens = null!;
    private ContractSubject _kiosk = null!;
    private TcpProxy _proxy = null!;

    public async ValueTask InitializeAsync()
    {
        await _broker.StartAsync();
        _proxy = new TcpProxy(_broker.Port);
        var stem = "ct-" + Guid.NewGuid().ToString("N")[..8];
        _tokens = new SignedTokens(IdFor(stem));
        var status = await BrokerObserver.ConnectAsync(_broker.Port, $"kiosk/{_tokens.Audience}/status");
        await using (status)
        {
            _kiosk = await StartAsync(stem, _proxy.Port, _tokens.WriteTrustStore(_directory));
            Assert.Equal(_tokens.Audience, _kiosk.Id);
            // The birth follows the command subscription: from here on, commands reach the kiosk.
            await status.WaitForAsync(Topic("status"), m => m.Json["online"]!.GetValue<bool>(), Patience);
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _cleanup.Count - 1; i >= 0; i--)
        {
            await _cleanup[i].DisposeAsync();
        }

        await _kiosk.DisposeAsync();
        await _proxy.DisposeAsync();
        await _broker.DisposeAsync();
        _tokens.Dispose();
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private string Topic(string leaf) => $"kiosk/{_kiosk.Id}/{leaf}";

    [Fact]
    public async Task Birth_RetainedQoS1_WithStationCabinsBootVersionAndContract()
    {
        var late = await ObserveAsync(Topic("status"));
        var birth = await late.WaitForAsync(Topic("status"), m => m.Json["online"]!.GetValue<bool>(), Patience);

        Assert.True(birth.Retained);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, birth.Qos);
        var json = birth.Json;
        Assert.True(json["boot"]!.GetValue<long>() >= 1);
        Assert.False(string.IsNullOrEmpty(json["version"]!.GetValue<string>()));
        Assert.Equal("1", json["contract"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{32}$", json["epoch"]!.GetValue<string>());
        Assert.EndsWith("Z", json["ts"]!.GetValue<string>(), StringComparison.Ordinal);
        var station = json["station"]!;
        Assert.False(string.IsNullOrEmpty(station["code"]!.GetValue<string>()));
        Assert.InRange(station["latitude"]!.GetValue<double>(), -90, 90);
        Assert.InRange(station["longitude"]!.GetValue<double>(), -180, 180);
        Assert.Contains(station["cabins"]!.AsArray(), c => c!["id"]!.GetValue<string>() == "rest" && c["capacity"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task LinkCut_BrokerSendsWillWithBoot_ThenKioskReconnectsAndRebirths()
    {
        var backend = await ObserveAsync(Topic("status"));
        var birth = await backend.WaitForAsync(Topic("status"), m => m.Json["online"]!.GetValue<bool>(), Patience);
        backend.Clear();

        _proxy.CutAll();

        var will = await backend.WaitForAsync(Topic("status"), m => !m.Json["online"]!.GetValue<bool>(), Patience);
        Assert.Equal(birth.Json["boot"]!.GetValue<long>(), will.Json["boot"]!.GetValue<long>());
        Assert.Equal(birth.Json["epoch"]!.GetValue<string>(), will.Json["epoch"]!.GetValue<string>());
        await backend.WaitForAsync(Topic("status"), m => m.Json["online"]!.GetValue<bool>(), Patience);
    }

    [Fact]
    public async Task CleanShutdown_RetainedOffline()
    {
        var backend = await ObserveAsync(Topic("status"));
        await backend.WaitForAsync(Topic("status"), m => m.Json["online"]!.GetValue<bool>(), Patience);

        await _kiosk.StopAsync();

        var late = await ObserveAsync(Topic("status"));
        var status = await late.WaitForAsync(Topic("status"), timeout: Patience);
        Assert.True(status.Retained);
        Assert.False(status.Json["online"]!.GetValue<bool>());
    }

    [Fact]
    public async Task State_RetainedWithEveryDoorAndTs_LockCommandShowsLocked()
    {
        var backend = await ObserveAsync(Topic("reply/#"));
        var reply = await SendAsync(backend, "lock", "r-lock", _tokens.Command("lock"));
        Assert.True(reply["ok"]!.GetValue<bool>(), reply.ToJsonString());
        Assert.Equal("rest", reply["result"]!["door"]!.GetValue<string>());
        Assert.Equal("locked", reply["result"]!["lock"]!.GetValue<string>());

        var late = await ObserveAsync(Topic("state"));
        var state = await late.WaitForAsync(Topic("state"), m => m.Json["doors"]?["rest"] is not null, Patience);
        Assert.True(state.Retained);
        Assert.NotNull(state.Json["ts"]);
        foreach (var (_, door) in state.Json["doors"]!.AsObject())
        {
            Assert.Contains(door!["lock"]!.GetValue<string>(), new[] { "locked", "unlocked" });
            Assert.Contains(door["contact"]!.GetValue<string>(), new[] { "open", "closed" });
            Assert.NotNull(door["mode"]);
            Assert.True(door.AsObject().ContainsKey("alarm"));
        }
    }

    [Fact]
    public async Task Telemetry_QoS0NotRetained_TsAndNumericValues()
    {
        var backend = await ObserveAsync(Topic("telemetry"));

        var telemetry = await backend.WaitForAsync(Topic("telemetry"), m => m.Json["values"]!.AsObject().Count > 0, Patience);

        Assert.False(telemetry.Retained);
        Assert.Equal(MqttQualityOfServiceLevel.AtMostOnce, telemetry.Qos);
        Assert.NotNull(telemetry.Json["ts"]);
        Assert.All(telemetry.Json["values"]!.AsObject(), v => Assert.Matches("^[a-z0-9_.-]+$", v.Key));
    }

    [Theory]
    [InlineData("forged", "bad_signature")]
    [InlineData("expired", "expired")]
    [InlineData("unsigned", "malformed")]
    [InlineData("alg_none", "unsupported_alg")]
    [InlineData("wrong_audience", "wrong_audience")]
    [InlineData("wrong_cmd", "bad_arguments")]
    [InlineData("worker_role", "role_forbidden")]
    [InlineData("garbage", "malformed")]
    [InlineData("unknown_command", "unknown_command")]
    public async Task SignedCommand_Rejected_ReplyCarriesTheReason(string kind, string reason)
    {
        var backend = await ObserveAsync(Topic("reply/#"));
        var (name, token) = kind switch
        {
            "forged" => ("lock", _tokens.Forged("lock")),
            "expired" => ("lock", _tokens.Expired("lock")),
            "unsigned" => ("lock", _tokens.Unsigned("lock")),
            "alg_none" => ("lock", _tokens.Unsigned("lock") + "c2ln"),
            "wrong_audience" => ("lock", _tokens.Command("lock", audience: "ct-someone-else")),
            "wrong_cmd" => ("mode", _tokens.Command("lock")),
            "worker_role" => ("lock", _tokens.Command("lock", KioskRole.Worker)),
            "unknown_command" => ("open_sesame", _tokens.Command("open_sesame")),
            _ => ("lock", "not.a.token"),
        };

        var reply = await SendAsync(backend, name, "r-" + kind, token);

        Assert.False(reply["ok"]!.GetValue<bool>());
        Assert.Equal(reason, reply["error"]!.GetValue<string>());
        Assert.Equal("r-" + kind, reply["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignedCommand_ResentSameId_SameReplyBytes_NewIdSameToken_Replayed()
    {
        var backend = await ObserveAsync(Topic("reply/#"));
        var token = _tokens.Command("lock");

        var first = await SendAsync(backend, "lock", "r-1", token);
        await backend.PublishAsync(Topic("cmd/lock"), Envelope("r-1", token));
        await Eventually.TrueAsync(() => backend.Messages.Count(m => m.Topic == Topic("reply/r-1")) == 2, Patience, "the resent reply");
        var replayed = await SendAsync(backend, "lock", "r-2", token);

        Assert.True(first["ok"]!.GetValue<bool>());
        var replies = backend.Messages.Where(m => m.Topic == Topic("reply/r-1")).ToList();
        Assert.Equal(replies[0].Payload, replies[1].Payload);
        Assert.Equal("replayed", replayed["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unlock_V5ResponseTopic_RepliesThereWithCorrelationData_AndDoorOpenedEvent()
    {
        var backend = await ObserveAsync("backend/replies/#");
        var events = await ObserveAsync(Topic("events"));
        var correlation = Encoding.UTF8.GetBytes("corr-42");

        await backend.PublishAsync(Topic("cmd/unlock"), Envelope("r-u", Pass("w-contract-1")), responseTopic: "backend/replies/console-1", correlationData: correlation);

        var reply = await backend.WaitForAsync("backend/replies/console-1", timeout: Patience);
        Assert.True(reply.Json["ok"]!.GetValue<bool>(), reply.Payload);
        Assert.Equal("rest", reply.Json["result"]!["door"]!.GetValue<string>());
        Assert.Equal(correlation, reply.CorrelationData);
        var opened = await events.WaitForAsync(Topic("events"), m => m.Json["type"]!.GetValue<string>() == "door.opened", Patience);
        Assert.Equal("remote", opened.Json["via"]!.GetValue<string>());
        Assert.Equal("w-contract-1", opened.Json["sub"]!.GetValue<string>());
    }

    [Fact]
    public async Task Command_PublishedRetained_RefusedMalformed()
    {
        var backend = await ObserveAsync(Topic("reply/#"));
        try
        {
            await backend.PublishAsync(Topic("cmd/lock"), Envelope("r-kept", _tokens.Command("lock")), retain: true);

            var reply = await backend.WaitForAsync(Topic("reply/r-kept"), timeout: Patience);
            Assert.Equal("malformed", reply.Json["error"]!.GetValue<string>());
        }
        finally
        {
            await backend.PublishAsync(Topic("cmd/lock"), "", retain: true);
        }
    }

    [Fact]
    public async Task Command_TooLargeToHoldAToken_RepliedTooLarge()
    {
        var backend = await ObserveAsync(Topic("reply/#"));

        await backend.PublishAsync(Topic("cmd/announce"), Envelope("r-huge", new string('w', 20_000)));

        var reply = await backend.WaitForAsync(Topic("reply/r-huge"), timeout: Patience);
        Assert.Equal("too_large", reply.Json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_QoS1_SeqGrowsByOne_AndNoneLostWhileTheLinkIsDown()
    {
        var backend = await ObserveAsync(Topic("events"));
        await _kiosk.PressExitAsync("rest");
        var before = await backend.WaitForAsync(Topic("events"), m => m.Json["via"]?.GetValue<string>() == "exit", Patience);
        var status = await ObserveAsync(Topic("status"));

        _proxy.Paused = true;
        _proxy.CutAll();
        await status.WaitForAsync(Topic("status"), m => !m.Json["online"]!.GetValue<bool>(), Patience);
        await _kiosk.PressExitAsync("life");
        await _kiosk.PressExitAsync("rest");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        _proxy.Paused = false;

        await Eventually.TrueAsync(() => backend.Messages.Count(m => m.Json["via"]?.GetValue<string>() == "exit") >= 3, Patience, "the exits pressed offline");
        var seqs = backend.Messages.Select(m => m.Json["seq"]!.GetValue<long>()).Distinct().ToList();
        Assert.Equal(Enumerable.Range((int)seqs[0], seqs.Count).Select(i => (long)i), seqs);
        Assert.Contains(before.Json["seq"]!.GetValue<long>(), seqs);
        Assert.All(backend.Messages, m =>
        {
            Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, m.Qos);
            Assert.Matches("^[0-9a-f]{32}$", m.Json["id"]!.GetValue<string>());
        });
    }

    /// <summary>The kiosk id for an id stem (the simulator appends a number).</summary>
    protected abstract string IdFor(string stem);

    protected abstract Task<ContractSubject> StartAsync(string stem, int brokerPort, string trustStorePath);

    private string Pass(string sub) =>
        _tokens.Issue.Issue(new TokenDescriptor { Issuer = SignedTokens.Issuer, Audiences = [_tokens.Audience], Subject = sub, Role = KioskRole.Worker, Door = "rest", Lifetime = TimeSpan.FromSeconds(60) });

    private static string Envelope(string id, string token) => new JsonObject { ["id"] = id, ["token"] = token }.ToJsonString();

    private async Task<JsonObject> SendAsync(BrokerObserver backend, string name, string id, string token)
    {
        await backend.PublishAsync(Topic("cmd/" + name), Envelope(id, token));
        return (await backend.WaitForAsync(Topic("reply/" + id), timeout: Patience)).Json;
    }

    private async Task<BrokerObserver> ObserveAsync(string filter)
    {
        var observer = await BrokerObserver.ConnectAsync(_broker.Port, filter);
        _cleanup.Add(observer);
        return observer;
    }
}

/// <summary>The suite against the real kiosk-edge service process.</summary>
public sealed class RealKioskContractTests : KioskContractSuite
{
    protected override string IdFor(string stem) => stem;

    protected override Task<ContractSubject> StartAsync(string stem, int brokerPort, string trustStorePath) =>
        RealKioskSubject.StartAsync(stem, brokerPort, trustStorePath);
}

/// <summary>The same suite against a simulated kiosk (Kiosk.FleetSim, issue 14's acceptance).</summary>
public sealed class SimKioskContractTests : KioskContractSuite
{
    protected override string IdFor(string stem) => SimKioskSubject.IdFor(stem);

    protected override Task<ContractSubject> StartAsync(string stem, int brokerPort, string trustStorePath) =>
        Task.FromResult(SimKioskSubject.Start(stem, brokerPort, trustStorePath));
}
