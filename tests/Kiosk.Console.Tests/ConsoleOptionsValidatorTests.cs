using Kiosk.Fleet.Web;

namespace Kiosk.Console.Tests;

public sealed class ConsoleOptionsValidatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://tiles.example.cn/{z}/{x}/{y}.png")]
    [InlineData("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png")]
    public void Validate_EmptyOrTemplate_Accepted(string? url) =>
        Assert.True(new ConsoleOptionsValidator().Validate(null, new ConsoleOptions { TileUrl = url }).Succeeded);

    [Theory]
    [InlineData("tiles.example.cn/{z}/{x}/{y}.png")]
    [InlineData("ftp://tiles.example.cn/{z}/{x}/{y}.png")]
    [InlineData("https://tiles.example.cn/tile.png")]
    public void Validate_Other_FailsNamingTheKey(string url)
    {
        var result = new ConsoleOptionsValidator().Validate(null, new ConsoleOptions { TileUrl = url });

        Assert.True(result.Failed);
        Assert.Contains("Fleet:Console:TileUrl", result.FailureMessage, StringComparison.Ordinal);
    }
}
