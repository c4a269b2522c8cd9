using System.Buffers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Kiosk.Contract;
using Kiosk.Contract.Json;
using Kiosk.Contract.Status;
using Kiosk.FleetSim.Commands;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Kiosk.FleetSim.Mqtt;

/// <summary>Connecting, publishing and answering commands (the other half of <see cref="SimKioskLink"/>).</summary>
internal sealed partial class SimKioskLink
{
    private async ValueTask ConnectOnceAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            // A previous attempt connected but failed after (subscribe, birth): start that session again.
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken).ConfigureAwait(false);
        }

        var will = JsonSerializer.SerializeToUtf8Bytes(Offline(), ContractJsonContext.Default.StatusMessage);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithClientId(_kiosk.Id)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(_options.ConnectTimeout)
            .WithCleanSession(true)
            .WithWillTopic(_kiosk.Topics.Status)
            .WithWillPayload(will)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain(true);
        if (!string.IsNullOrEmpty(_options.Username))
        {
            builder.WithCredentials(_options.Username, _options.Password ?? "");
        }

        if (_options.Tls)
        {
            builder.WithTlsOptions(ConfigureTls);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        await _client.ConnectAsync(builder.Build(), timeout.Token).ConfigureAwait(false);
        await _client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f
                    .WithTopic(_kiosk.Topics.CommandFilter)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    // A command left retained is never replayed to the kiosk; one published retained later keeps its flag and is refused.
                    .WithRetainHandling(MqttRetainHandling.DoNotSendOnSubscribe)
                    .WithRetainAsPublished(true))
                .Build(),
            timeout.Token).ConfigureAwait(false);
        _kiosk.Traffic.Connected(_kiosk.Id, _kiosk.Topics.Status, will.Length, _kiosk.Topics.CommandFilter);
        Interlocked.Increment(ref _kiosk.Connects);
        _since = _virtual.GetUtcNow();
        _lastPing = _wall.GetTimestamp();
        Interlocked.Exchange(ref _attempts, 0);
        _lastError = null;

        StatusMessage birth;
        lock (_kiosk.Gate)
        {
            birth = StatusMessage.Birth(_virtual.GetUtcNow(), _kiosk.Version, _kiosk.Model.Boot, _kiosk.Model.Station.Station)
                with { Contract = ContractVersion.Current, Epoch = _kiosk.Model.Epoch };
            _kiosk.Model.StateDirty = true;
        }

        await PublishAsync(_kiosk.Topics.Status, JsonSerializer.SerializeToUtf8Bytes(birth, ContractJsonContext.Default.StatusMessage), qos1: true, retain: true, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The broker certificate must chain to the configured CA and match the host name.</summary>
    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection authorities)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0 || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
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

    /// <summary>Retained state when changed, telemetry, then every pending event in seq order (each removed on its PUBACK).</summary>
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        byte[]? state = null;
        var telemetry = new List<byte[]>();
        lock (_kiosk.Gate)
        {
            if (_kiosk.Model.StateDirty)
            {
                _kiosk.Model.StateDirty = false;
                state = StateWriter.Serialize(_kiosk.Model.Snapshot(Link()));
            }

            while (_kiosk.Model.TryTakeTelemetry(out var message))
            {
                telemetry.Add(JsonSerializer.SerializeToUtf8Bytes(message, ContractJsonContext.Default.TelemetryMessage));
            }
        }

        if (state is not null)
        {
            await PublishAsync(_kiosk.Topics.State, state, qos1: true, retain: true, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _kiosk.StatesSent);
        }

        foreach (var t in telemetry)
        {
            await PublishAsync(_kiosk.Topics.Telemetry, t, qos1: false, retain: false, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _kiosk.TelemetrySent);
        }

        while (_client.IsConnected)
        {
            Behaviour.PendingEvent? next;
            lock (_kiosk.Gate)
            {
                next = _kiosk.Model.Events.Peek();
            }

            if (next is null)
            {
                break;
            }

            await PublishAsync(_kiosk.Topics.Events, next.Payload, qos1: true, retain: false, cancellationToken).ConfigureAwait(false);
            lock (_kiosk.Gate)
            {
                _kiosk.Model.Events.Acknowledge(next);
            }

            Interlocked.Increment(ref _kiosk.EventsSent);
        }
    }

    private async Task PublishAsync(string topic, byte[] payload, bool qos1, bool retain, CancellationToken cancellationToken, byte[]? correlation = null)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(qos1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce)
            .WithRetainFlag(retain)
            .WithCorrelationData(correlation)
            .Build();
        var result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new MQTTnet.Exceptions.MqttCommunicationException($"broker refused {topic}: {result.ReasonCode}");
        }

        _kiosk.Traffic.Published(topic, payload.Length, qos1, correlation is null ? 0 : 3 + correlation.Length);
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var m = e.ApplicationMessage;
        var payload = m.Payload.ToArray();
        var properties = (m.ResponseTopic is null ? 0 : 3 + m.ResponseTopic.Length) + (m.CorrelationData is null ? 0 : 3 + m.CorrelationData.Length);
        _kiosk.Traffic.Delivered(m.Topic, payload.Length, m.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce, properties);
        Interlocked.Increment(ref _kiosk.CommandsReceived);
        OutgoingReply? reply;
        lock (_kiosk.Gate)
        {
            reply = _kiosk.Commands.Handle(new IncomingCommand(m.Topic, payload, m.Retain, m.ResponseTopic, m.CorrelationData));
        }

        if (reply is not null && _client.IsConnected)
        {
            await PublishAsync(reply.Topic, reply.Payload, qos1: true, retain: false, CancellationToken.None, reply.CorrelationData).ConfigureAwait(false);
        }

        // A command may have changed state or appended events.
        Wake();
    }
}
