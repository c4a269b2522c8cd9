using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Kiosk.Fleet.Mqtt;

/// <summary>
/// The instance's two MQTTnet clients, one broker session each: <see cref="Client"/> (client id
/// <c>Fleet:Mqtt:ClientId</c>: events, telemetry, command replies, and every publish) and
/// <see cref="StateClient"/> (<c>{ClientId}-state</c>: the retained status and state). Two sessions so
/// that the retained replay at each (re)connect fills only the state session's queue and receive window
/// (MQTT 5 section 4.9, flow control is per session), never the live one's. <see cref="ConnectionSupervisor"/>
/// alone connects them; everyone else only publishes through <see cref="PublishAsync"/>.
/// </summary>
internal sealed class FleetMqttConnection : IDisposable
{
    private readonly FleetMqttOptions _options;

    public FleetMqttConnection(IOptions<FleetMqttOptions> options)
    {
        _options = options.Value;
        var factory = new MqttClientFactory();
        Client = factory.CreateMqttClient();
        StateClient = factory.CreateMqttClient();
        Topics = new FleetTopics(_options.TopicRoot, _options.ClientId);
    }

    /// <summary>The live session: events and telemetry (shared between instances), replies, publishes.</summary>
    public IMqttClient Client { get; }

    /// <summary>The state session: status and state, with their retained replay at every subscribe.</summary>
    public IMqttClient StateClient { get; }

    public string ClientId => _options.ClientId;

    /// <summary>The state session's client id: <c>{Fleet:Mqtt:ClientId}-state</c>.</summary>
    public string StateClientId => _options.ClientId + "-state";

    public FleetTopics Topics { get; }

    public string Broker => $"{_options.EffectiveHost}:{_options.EffectivePort}";

    /// <summary>QoS 1 publish; throws <see cref="FleetMqttException"/> when not connected or refused.</summary>
    public async Task PublishAsync(string topic, byte[] payload, string? responseTopic, byte[]? correlation, CancellationToken cancellationToken)
    {
        if (!Client.IsConnected)
        {
            throw new FleetMqttException("not connected to the broker");
        }

        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json");
        if (responseTopic is not null)
        {
            builder.WithResponseTopic(responseTopic);
        }

        if (correlation is not null)
        {
            builder.WithCorrelationData(correlation);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.OperationTimeout);
        var result = await Client.PublishAsync(builder.Build(), timeout.Token).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new FleetMqttException($"broker refused the publish to {topic}: {result.ReasonCode}");
        }
    }

    public MqttClientOptions CreateClientOptions(string clientId)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.EffectiveHost, _options.EffectivePort)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(_options.ConnectTimeout)
            // A persistent session: what the broker delivered but this instance never acknowledged
            // (it crashed before the database commit) is delivered again when it comes back.
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)_options.SessionExpiry.TotalSeconds)
            .WithReceiveMaximum((ushort)Math.Min(_options.IngestQueue, ushort.MaxValue));
        if (!string.IsNullOrEmpty(_options.Username))
        {
            builder.WithCredentials(_options.Username, _options.Password ?? "");
        }

        if (_options.UsesTls)
        {
            builder.WithTlsOptions(ConfigureTls);
        }

        return builder.Build();
    }

    public void Dispose()
    {
        Client.Dispose();
        StateClient.Dispose();
    }

    private void ConfigureTls(MqttClientTlsOptionsBuilder tls)
    {
        tls.UseTls(true);
        if (!string.IsNullOrEmpty(_options.CertFile) && !string.IsNullOrEmpty(_options.KeyFile))
        {
            tls.WithClientCertificates([X509Certificate2.CreateFromPemFile(_options.CertFile, _options.KeyFile)]);
        }

        if (!string.IsNullOrEmpty(_options.CaFile))
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(_options.CaFile);
            tls.WithCertificateValidationHandler(args => IsTrusted(args.Certificate, args.SslPolicyErrors, authorities));
        }
    }

    /// <summary>The broker certificate must chain to the configured CA (not the system store) and match the host name.</summary>
    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection authorities)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}

internal sealed class FleetMqttException(string message) : Exception(message);
