using Kiosk.Edge.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Messaging;

public sealed class MqttOptionsValidationTests
{
    [Theory]
    [InlineData("Mqtt:Tls:CertFile", "/etc/hosts", "Mqtt:Tls:KeyFile is required")]
    [InlineData("Mqtt:Tls:KeyFile", "/etc/hosts", "Mqtt:Tls:CertFile is required")]
    [InlineData("Mqtt:Tls:CaFile", "/nonexistent/ca.crt", "Mqtt:Tls:CaFile names '/nonexistent/ca.crt'")]
    [InlineData("Mqtt:Password", "secret", "Mqtt:Username is required")]
    [InlineData("Mqtt:Telemetry:Deadbands:power", "-1", "Mqtt:Telemetry:Deadbands:power")]
    [InlineData("Mqtt:KeepAlive", "00:00:01", "KeepAlive")]
    [InlineData("Mqtt:Port", "70000", "Port")]
    [InlineData("Mqtt:TopicRoot", "kiosk/#", "Mqtt:TopicRoot")]
    public void Validate_BadSetting_FailsNamingTheKey(string key, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(Environments.Production, new() { ["Mqtt:Host"] = "broker.example", [key] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyHostOutsideDevelopment_FailsNamingHost()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(Environments.Production, []));

        Assert.Contains("Mqtt:Host is required outside Development", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyHostInDevelopment_EmbeddedBrokerOnLoopback()
    {
        var options = Resolve(Environments.Development, new() { ["Mqtt:Embedded:Port"] = "18831" });

        Assert.True(options.UsesEmbeddedBroker);
        Assert.False(options.UsesTls);
        Assert.Equal(("127.0.0.1", 18831), (options.EffectiveHost, options.EffectivePort));
    }

    [Theory]
    [InlineData("true", null, 8883)]
    [InlineData("false", null, 1883)]
    [InlineData("true", "9999", 9999)]
    public void EffectivePort_Defaults_8883WithTls1883Without(string tls, string? port, int expected)
    {
        var options = Resolve(Environments.Production, new() { ["Mqtt:Host"] = "broker.example", ["Mqtt:Tls:Enabled"] = tls, ["Mqtt:Port"] = port });

        Assert.Equal(expected, options.EffectivePort);
    }

    [Fact]
    public void Defaults_MatchTheDocumentedTable()
    {
        var o = new MqttOptions();

        Assert.Equal(TimeSpan.FromSeconds(120), o.KeepAlive);
        Assert.Equal(MqttLinkProtocol.V500, o.ProtocolVersion);
        Assert.Equal("kiosk", o.TopicRoot);
        Assert.Equal(TimeSpan.FromSeconds(30), o.StartDelayMax);
        Assert.Equal(TimeSpan.FromMinutes(5), o.Reconnect.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), o.Telemetry.Period);
        Assert.Equal(TimeSpan.FromMinutes(15), o.Telemetry.MaxInterval);
        Assert.Equal(TimeSpan.FromSeconds(1), o.State.MinInterval);
        Assert.Equal(20, o.Events.MaxRate);
        Assert.Equal(TimeSpan.FromHours(24), o.Commands.ReplyRetention);
        Assert.Equal(10_000, o.Commands.ReplyCapacity);
        Assert.Equal(1883, o.Embedded.Port);
    }

    private static MqttOptions Resolve(string environment, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(environment));
        services.AddSingleton(TimeProvider.System);
        services.AddMessaging(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<MqttOptions>>().Value;
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "kiosk-edge";

        public string ContentRootPath { get; set; } = "/";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
