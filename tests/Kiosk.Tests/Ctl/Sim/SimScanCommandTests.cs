using System.Text.Json.Nodes;
using Kiosk.Ctl.Sim;

namespace Kiosk.Tests.Ctl.Sim;

public sealed class SimScanCommandTests
{
    [Theory]
    [InlineData("""{"granted":true,"door":"rest"}""", "granted: door rest")]
    [InlineData("""{"granted":false,"reason":"expired"}""", "denied: expired")]
    [InlineData("""{"granted":false,"door":"life","reason":"full"}""", "denied: full (door life)")]
    public void Describe_Decision_OneLineAsAtTheDoor(string result, string expected) =>
        Assert.Equal(expected, SimScanCommand.Describe(JsonNode.Parse(result)));

    [Theory]
    [InlineData("""{"queued":true}""")]
    [InlineData("""{"granted":"yes"}""")]
    public void Describe_NotADecision_Null(string result) => Assert.Null(SimScanCommand.Describe(JsonNode.Parse(result)));
}
