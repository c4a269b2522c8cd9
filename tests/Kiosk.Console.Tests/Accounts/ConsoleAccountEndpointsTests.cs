using Kiosk.Fleet.Web.Accounts;

namespace Kiosk.Console.Tests.Accounts;

public sealed class ConsoleAccountEndpointsTests
{
    [Theory]
    [InlineData("/console/alarms?type=x", "/console/alarms?type=x")]
    [InlineData("/console", "/console")]
    [InlineData(null, "/console")]
    [InlineData("", "/console")]
    [InlineData("https://evil.example/", "/console")]
    [InlineData("//evil.example/", "/console")]
    [InlineData("/\\evil.example/", "/console")]
    [InlineData("console/map", "/console")]
    public void LocalOrStart_OnlyLocalPaths(string? returnUrl, string expected) =>
        Assert.Equal(expected, ConsoleAccountEndpoints.LocalOrStart(returnUrl));
}
