using System.Text.Json.Nodes;
using Kiosk.Edge.Messaging;
using Kiosk.Edge.Messaging.Commands;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Messaging.Commands;

public sealed class ReplyStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("replies-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

    private string Path => System.IO.Path.Combine(_dir, "replies.db");

    [Fact]
    public void Find_SavedReply_SameReplyAlsoAfterReopen()
    {
        var reply = new JsonObject { ["id"] = "r-1", ["ok"] = true, ["result"] = new JsonObject { ["door"] = "rest" } };
        using (var store = new ReplyStore(Path, new MqttCommandsOptions(), _time))
        {
            store.Save("r-1", reply);
            Assert.Equal(reply.ToJsonString(), store.Find("r-1")!.ToJsonString());
        }

        using var reopened = new ReplyStore(Path, new MqttCommandsOptions(), _time);
        Assert.Equal(reply.ToJsonString(), reopened.Find("r-1")!.ToJsonString());
        Assert.Null(reopened.Find("r-2"));
    }

    [Fact]
    public void Find_OlderThanRetention_Forgotten()
    {
        using var store = new ReplyStore(Path, new MqttCommandsOptions { ReplyRetention = TimeSpan.FromHours(24) }, _time);
        store.Save("r-1", new JsonObject { ["id"] = "r-1" });

        _time.Advance(TimeSpan.FromHours(23));
        Assert.NotNull(store.Find("r-1"));
        _time.Advance(TimeSpan.FromHours(2));
        Assert.Null(store.Find("r-1"));
    }

    [Fact]
    public void Save_PastCapacity_OldestEvicted()
    {
        using var store = new ReplyStore(Path, new MqttCommandsOptions { ReplyCapacity = 10 }, _time);
        for (var i = 0; i < 15; i++)
        {
            store.Save("r-" + i, new JsonObject { ["id"] = "r-" + i });
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(10, store.Count);
        Assert.Null(store.Find("r-4"));
        Assert.NotNull(store.Find("r-5"));
        Assert.NotNull(store.Find("r-14"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
