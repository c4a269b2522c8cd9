using Kiosk.Edge.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Kiosk.Tests.Configuration;

public sealed class ConfigurationReloaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kiosk-reload-").FullName;

    [Fact]
    public void Reload_LogLevelRaisedInTheFile_AppliesWithoutRestart()
    {
        var file = Path.Combine(_dir, "kiosk.json");
        File.WriteAllText(file, """{ "Logging": { "LogLevel": { "Default": "Information" } } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build();
        using var services = new ServiceCollection()
            .AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).AddProvider(new FakeLoggerProvider()))
            .BuildServiceProvider();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Kiosk.Edge.Doors.Door");
        Assert.False(logger.IsEnabled(LogLevel.Debug));

        File.WriteAllText(file, """{ "Logging": { "LogLevel": { "Default": "Debug" } } }""");
        new ConfigurationReloader(configuration, services.GetRequiredService<ILogger<ConfigurationReloader>>()).Reload();

        Assert.True(logger.IsEnabled(LogLevel.Debug));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
