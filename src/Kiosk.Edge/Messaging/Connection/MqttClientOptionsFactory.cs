using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Kiosk.Edge.Configuration;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Kiosk.Edge.Messaging.Connection;

/// <summary>Turns the <c>Mqtt</c> options into MQTTnet client options: endpoint, protocol, TLS, credentials, Last Will.</summary>
internal sealed class MqttClientOptionsFactory(IOptions<MqttOptions> options, IOptions<KioskOptions> kiosk)
{
    private readonly MqttOptions _options = options.Value;

    public MqttClientOptions Create(string willTopic, byte[] willPayload)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.EffectiveHost, _options.EffectivePort)
            .WithClientId(kiosk.Value.Id)
            .WithProtocolVersion(_options.ProtocolVersion == MqttLinkProtocol.V311 ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(_options.ConnectTimeout)
            // Commands are short-lived (token lifetime 120 s): a broker-side queue for an offline kiosk would only replay stale ones.
            .WithCleanSession(true)
            .WithWillTopic(willTopic)
            .WithWillPayload(willPayload)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain(true);
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

    private void ConfigureTls(MqttClientTlsOptionsBuilder tls)
    {
        tls.UseTls(true);
        var settings = _options.Tls;
        if (!string.IsNullOrEmpty(settings.CertFile) && !string.IsNullOrEmpty(settings.KeyFile))
        {
            tls.WithClientCertificates([X509Certificate2.CreateFromPemFile(settings.CertFile, settings.KeyFile)]);
        }

        if (!string.IsNullOrEmpty(settings.CaFile))
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(settings.CaFile);
            tls.WithCertificateValidationHandler(args => IsTrusted(args.Certificate, args.SslPolicyErrors, authorities));
        }
    }

    /// <summary>The broker certificate must chain to the configured CA (not the system store) and match the host name.</summary>
    internal static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection authorities)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
