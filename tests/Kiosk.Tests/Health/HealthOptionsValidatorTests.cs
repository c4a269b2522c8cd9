using Kiosk.Edge.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Health;

public sealed class HealthOptionsValidatorTests
{
    [Fact]
    public void Validate_ShippedDefaults_Pass()
    {
        var options = Bind(new Dictionary<string, string?> { ["Health:Loops:doors"] = "00:00:05" });

        Assert.Equal(TimeSpan.FromSeconds(5), options.Loops["doors"]);
        Assert.Equal(TimeSpan.FromSeconds(5), options.CheckInterval);
    }

    [Theory]
    [InlineData("Health:Loops:doors", "00:00:00", "Health:Loops:doors")]
    [InlineData("Health:Loops:Doors!", "00:00:05", "Health:Loops:Doors!")]
    [InlineData("Health:CheckInterval", "00:00:00.5", "CheckInterval")]
    [InlineData("Health:StartupGrace", "01:00:00", "StartupGrace")]
    public void Validate_BadValue_FailsNamingKey(string key, string value, string named)
    {
        var e = Assert.Throws<OptionsValidationException>(() => Bind(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    private static HealthOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddHealth(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<HealthOptions>>().Value;
    }
}
