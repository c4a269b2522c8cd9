using System.Text.Json;
using Kiosk.Fleet.Commands;

namespace Kiosk.Fleet.Tests.Commands;

public sealed class CommandCatalogTests
{
    [Theory]
    [InlineData("unlock", "{}", null)]
    [InlineData("unlock", """{"door":"rest"}""", null)]
    [InlineData("mode", """{"door":"rest","mode":"hold_open"}""", null)]
    [InlineData("mode", """{"door":"rest"}""", "mode")]
    [InlineData("power", """{"circuit":"heater","action":"reset"}""", null)]
    [InlineData("announce", """{"text":"hi","clip":"x"}""", "text")]
    [InlineData("announce", """{"clip":"chime","priority":"urgent","volume":100}""", null)]
    [InlineData("announce", """{"clip":"chime","priority":"loud"}""", "priority")]
    [InlineData("ack_help", """{"now":true}""", "now")]
    [InlineData("diag", """{"checks":["clock"]}""", null)]
    [InlineData("diag", """{"checks":"clock"}""", "checks")]
    [InlineData("revoke", """{"subs":["w-1"],"jtis":["j"]}""", null)]
    [InlineData("revoke", "{}", "subs")]
    [InlineData("revoke", """{"subs":[]}""", "subs")]
    [InlineData("launch", "{}", "name")]
    public void Check_Arguments_NamesTheBadField(string name, string json, string? field)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(field, CommandCatalog.Check(name, doc.RootElement)?.Field);
    }
}
