using System.Text.RegularExpressions;
using Kiosk.Edge.Diagnostics;
using Kiosk.Tests.Diagnostics;

namespace Kiosk.Tests.Ctl;

/// <summary>
/// <c>--json</c> output is for scripts: these pin it byte for byte (indentation, field order, the final
/// newline), as kioskctl printed it before it moved to System.CommandLine and Spectre.Console.
/// </summary>
public sealed partial class JsonOutputTests
{
    [Fact]
    public async Task StatusJson_SimulatedKiosk_BytesPinned()
    {
        await using var f = await CtlFixture.StartAsync();

        var (code, stdout, stderr) = await f.RunAsync("status", "--json");

        Assert.True(code == 0, stderr);
        // A new status field (a deliberate wire change) is added here too; the version is the build's.
        Assert.Equal("""
            {
              "id": "test-0001",
              "ts": "2026-11-23T06:00:00.000Z",
              "version": "VERSION",
              "boot": 1,
              "events": {
                "lastSeq": 0,
                "pending": 0,
                "dropped": 0
              },
              "state": {
                "doors": {
                  "rest": {
                    "lock": "locked",
                    "contact": "closed",
                    "mode": "normal",
                    "alarm": null
                  },
                  "life": {
                    "lock": "locked",
                    "contact": "closed",
                    "mode": "normal",
                    "alarm": null
                  }
                },
                "maintenance": {
                  "active": false
                }
              }
            }
            """ + "\n", Version().Replace(stdout, "\"version\": \"VERSION\""));
    }

    [Fact]
    public async Task DiagJson_SimulatedKiosk_BytesPinned()
    {
        await using var f = await CtlFixture.StartAsync(new FakeCheck("gpio", CheckResult.Pass("all lines held")), new FakeCheck("tts", CheckResult.Fail("espeak-ng is not installed", "apt install espeak-ng")));

        var (code, stdout, _) = await f.RunAsync("diag", "--json");

        Assert.Equal(1, code);
        Assert.Equal("""
            {
              "ts": "2026-11-23T06:00:00.000Z",
              "kiosk": "test-0001",
              "summary": {
                "pass": 1,
                "warn": 0,
                "fail": 1
              },
              "checks": [
                {
                  "name": "gpio",
                  "category": "test",
                  "status": "pass",
                  "detail": "all lines held",
                  "hint": null,
                  "durationMs": 0
                },
                {
                  "name": "tts",
                  "category": "test",
                  "status": "fail",
                  "detail": "espeak-ng is not installed",
                  "hint": "apt install espeak-ng",
                  "durationMs": 0
                }
              ]
            }
            """ + "\n", stdout);
    }

    [Fact]
    public async Task EventsJson_SimulatedKiosk_OneLineEachBytesPinned()
    {
        await using var f = await CtlFixture.StartAsync();
        await f.RunAsync("door", "mode", "--mode", "hold_open", "--door", "rest");
        await f.RunAsync("door", "lock", "--door", "life");

        var (code, stdout, stderr) = await f.RunAsync("events", "--json");

        Assert.True(code == 0, stderr);
        Assert.Equal("""
            {"id":"ID","seq":1,"ts":"2026-11-23T06:00:00.000Z","type":"door.mode","epoch":"EPOCH","door":"rest","mode":"hold_open","via":"manual"}
            """ + "\n", EpochValue().Replace(EventId().Replace(stdout, "\"id\":\"ID\""), "\"epoch\":\"EPOCH\""));
    }

    [GeneratedRegex("\"id\":\"[^\"]+\"")]
    private static partial Regex EventId();

    [GeneratedRegex("\"epoch\":\"[0-9a-f]{32}\"")]
    private static partial Regex EpochValue();

    [GeneratedRegex("\"version\": \"[^\"]+\"")]
    private static partial Regex Version();
}
