using Kiosk.Edge.Hardware;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Hardware;

public sealed class BoardTests
{
    [Fact]
    public void Create_Simulated_HasSimulationAndItsLines()
    {
        using var board = new Board(Options.Create(new BoardOptions { Kind = BoardKind.Simulated, Debounce = TimeSpan.FromMilliseconds(20) }));

        Assert.NotNull(board.Simulation);
        Assert.Equal(BoardKind.Simulated, board.Kind);
        Assert.Equal(64, board.PinCount);
        Assert.Equal(TimeSpan.FromMilliseconds(20), board.Debounce);
    }

    [Theory]
    [InlineData(LibgpiodVersion.V1)]
    [InlineData(LibgpiodVersion.V2)]
    public void Create_LibgpiodOnMissingChip_FailsNamingTheKey(LibgpiodVersion version)
    {
        // No board has a /dev/gpiochip63; whether libgpiod is installed or not, the message names the key.
        var e = Assert.Throws<InvalidOperationException>(() =>
            new Board(Options.Create(new BoardOptions { Kind = BoardKind.Libgpiod, Chip = 63, LibgpiodVersion = version })));

        Assert.Contains("Board:Chip 63", e.Message);
        Assert.Contains($"libgpiod {version}", e.Message);
    }

    [Theory]
    [InlineData(LibgpiodVersion.V1)]
    [InlineData(LibgpiodVersion.V2)]
    public void Resolve_ExplicitVersion_IsKept(LibgpiodVersion version) =>
        Assert.Equal(version, LibgpiodDriverFactory.Resolve(version));

    [Fact]
    public void Resolve_Auto_PicksAConcreteVersion() =>
        Assert.NotEqual(LibgpiodVersion.Auto, LibgpiodDriverFactory.Resolve(LibgpiodVersion.Auto));

    [Fact]
    public void Validate_DebounceOverOneSecond_NamesKey()
    {
        var result = new BoardOptionsValidator().Validate(null, new BoardOptions { Debounce = TimeSpan.FromSeconds(2) });

        Assert.True(result.Failed);
        Assert.Contains("Debounce", result.FailureMessage);
    }
}
