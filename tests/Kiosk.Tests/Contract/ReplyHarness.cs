using Kiosk.Contract.Topics;
using System.Text;
using System.Text.Json;
using Kiosk.Edge.Commands;
using Kiosk.Edge.Messaging;
using Kiosk.Edge.Messaging.Commands;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Tests.Contract;

/// <summary>
/// The real <see cref="CommandProcessor"/> with real commands, a verifier that takes the claims JSON as
/// the "token" (a <c>deny</c> claim forces a reason), and a reply store in a temp folder.
/// </summary>
internal sealed class ReplyHarness : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("replies-").FullName;
    private readonly ReplyStore _replies;
    private readonly CommandProcessor _processor;

    public ReplyHarness(TimeProvider time, IEnumerable<KioskCommand> commands, TimeSpan? executionTimeout = null, CommandTokenVerifier? verifier = null)
    {
        _replies = new ReplyStore(Path.Combine(_dir, "r.db"), new MqttCommandsOptions(), time);
        _processor = new CommandProcessor(
            new KioskTopics("kiosk", "tyyz-0007"), new CommandRouter(commands), verifier ?? new ClaimsVerifier(), _replies,
            executionTimeout ?? TimeSpan.FromSeconds(30), time, NullLogger<CommandProcessor>.Instance);
    }

    /// <summary>The reply payload as sent, for a command whose token carries <paramref name="claims"/>.</summary>
    public Task<string> ReplyAsync(string name, string requestId, string claims) =>
        SendAsync(name, JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = requestId, ["token"] = claims }));

    /// <summary>The reply payload for a raw envelope, answered on an MQTT 5 response topic.</summary>
    public async Task<string> SendAsync(string name, string envelope)
    {
        var reply = await _processor.HandleAsync(
            new IncomingCommand($"kiosk/tyyz-0007/cmd/{name}", Encoding.UTF8.GetBytes(envelope), false, "kiosk/tyyz-0007/reply/console", null),
            TestContext.Current.CancellationToken);
        return reply!.Payload.ToJsonString();
    }

    public void Dispose()
    {
        _replies.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

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
}
