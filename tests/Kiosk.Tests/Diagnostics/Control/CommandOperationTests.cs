using System.Text.Json.Nodes;
using Kiosk.Edge.Commands;
using Kiosk.Edge.Control;
using Kiosk.Edge.Diagnostics.Control;

namespace Kiosk.Tests.Diagnostics.Control;

public sealed class CommandOperationTests
{
    [Fact]
    public async Task ExecuteAsync_Command_RunsAsManualMaintenanceWithoutSub()
    {
        var probe = new ProbeCommand();
        var op = new CommandOperation(new CommandRouter([probe]));

        var result = await op.ExecuteAsync(new JsonObject { ["name"] = "probe", ["args"] = new JsonObject { ["door"] = "rest" } }, MaintenanceOperationTests.Session(1000), TestContext.Current.CancellationToken);

        Assert.Equal("done", result!["answer"]!.GetValue<string>());
        var request = probe.Last!;
        Assert.Equal(CommandVia.Manual, request.Via);
        Assert.Null(request.Sub);
        Assert.Equal("maintenance", request.Role);
        Assert.Equal("rest", request.Arguments.GetProperty("door").GetString());
        Assert.StartsWith("local-", request.RequestId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_CommandFails_RefusedWithReason()
    {
        var op = new CommandOperation(new CommandRouter([new ProbeCommand { Fails = "unknown_door" }]));

        var e = await Assert.ThrowsAsync<ControlException>(() => op.ExecuteAsync(new JsonObject { ["name"] = "probe" }, MaintenanceOperationTests.Session(0), TestContext.Current.CancellationToken).AsTask());

        Assert.Equal("probe: unknown_door", e.Message);
    }

    [Fact]
    public async Task ExecuteAsync_UnknownCommand_ListsKnown()
    {
        var op = new CommandOperation(new CommandRouter([new ProbeCommand()]));

        var e = await Assert.ThrowsAsync<ControlException>(() => op.ExecuteAsync(new JsonObject { ["name"] = "unlock" }, MaintenanceOperationTests.Session(0), TestContext.Current.CancellationToken).AsTask());

        Assert.Equal("unlock: unknown_command (this kiosk has: probe)", e.Message);
    }

    [Fact]
    public async Task ExecuteAsync_ArgsNotObject_Refused()
    {
        var op = new CommandOperation(new CommandRouter([new ProbeCommand()]));

        await Assert.ThrowsAsync<ControlException>(() => op.ExecuteAsync(new JsonObject { ["name"] = "probe", ["args"] = 3 }, MaintenanceOperationTests.Session(0), TestContext.Current.CancellationToken).AsTask());
    }

    private sealed class ProbeCommand : KioskCommand
    {
        public string? Fails { get; init; }

        public CommandRequest? Last { get; private set; }

        public override string Name => "probe";

        public override ValueTask<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
        {
            Last = request;
            return ValueTask.FromResult(Fails is null ? new CommandResult(true, new JsonObject { ["answer"] = "done" }, null) : CommandResult.Fail(Fails));
        }
    }
}
