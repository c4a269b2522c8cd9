using System.Device.Gpio;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;
using Kiosk.Edge.Hardware;

namespace Kiosk.Tests.Diagnostics.Checks;

public sealed class GpioCheckTests
{
    [Fact]
    public async Task RunAsync_SimulatedBoardDoorsOpen_PassesSimulated()
    {
        using var kiosk = new TestKiosk();
        var check = new GpioCheck(kiosk.Board.Kind, kiosk.Board.Gpio, kiosk.Board.ChipName, "/dev/none", () => kiosk.Pins.Reservations);

        var r = await check.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.Equal("simulated chip (simulated): all 6 configured lines held by the service", r.Detail);
    }

    [Fact]
    public async Task RunAsync_I2cAndUartEnabled_PassesWithoutTheirBusPins()
    {
        using var kiosk = new TestKiosk();
        var claims = kiosk.Pins.Reservations.Select(r => new PinClaim(r.Value, r.Key))
            .Concat(BusPinClaimSource.For(new BoardOptions { I2c = true, Uart = true }, new Kiosk.Edge.Hardware.Scanner.ScannerOptions()));
        var pins = new PinRegistry(kiosk.Board.PinCount, kiosk.Board.ChipName, claims);
        var check = new GpioCheck(kiosk.Board.Kind, kiosk.Board.Gpio, kiosk.Board.ChipName, "/dev/none", () => pins.GpioLines);

        var r = await check.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(10, pins.Reservations.Count);
        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.Equal("simulated chip (simulated): all 6 configured lines held by the service", r.Detail);
    }

    [Fact]
    public async Task RunAsync_ConfiguredLineNotHeld_FailsNamingTheKey()
    {
        using var kiosk = new TestKiosk();
        kiosk.Pins.Reserve("Power:Circuits:outlet:RelayPin", 22);
        var check = new GpioCheck(kiosk.Board.Kind, kiosk.Board.Gpio, kiosk.Board.ChipName, "/dev/none", () => kiosk.Pins.Reservations);

        var r = await check.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Equal("1 of 7 configured lines not held by the service: GPIO 22 (Power:Circuits:outlet:RelayPin)", r.Detail);
        Assert.Contains("gpioinfo", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RealBoardChipMissing_Fails()
    {
        using var gpio = new GpioController(new SimulatedGpioDriver());
        var check = new GpioCheck(BoardKind.Libgpiod, gpio, "gpiochip0", "/nonexistent/gpiochip0", () => new Dictionary<int, string>());

        var r = await check.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Equal("/nonexistent/gpiochip0 does not exist", r.Detail);
        Assert.Contains("Board:Chip", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RealBoardChipPresent_Passes()
    {
        var chip = Path.GetTempFileName();
        try
        {
            using var gpio = new GpioController(new SimulatedGpioDriver());
            gpio.OpenPin(4, PinMode.Output);
            var check = new GpioCheck(BoardKind.Libgpiod, gpio, "gpiochip0", chip, () => new Dictionary<int, string> { [4] = "Doors:Cabins:rest:LockPin" });

            var r = await check.RunAsync(TestContext.Current.CancellationToken);

            Assert.Equal(CheckStatus.Pass, r.Status);
            Assert.Equal($"gpiochip0 ({chip}): all 1 configured lines held by the service", r.Detail);
        }
        finally
        {
            File.Delete(chip);
        }
    }
}
