using Kiosk.Edge.Messaging.Broker;
using Kiosk.Edge.Messaging.Commands;
using Kiosk.Edge.Security;
using Kiosk.Tokens;
using Kiosk.Edge.Messaging.Connection;
using Kiosk.Edge.Messaging.Events;
using Kiosk.Edge.Messaging.State;
using Kiosk.Edge.Messaging.Status;
using Kiosk.Edge.Messaging.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Messaging;

internal static class MessagingServiceCollectionExtensions
{
    /// <summary>The MQTT link: supervisor, status, state, telemetry, outbox, commands, and the embedded development broker.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MqttOptions>().Bind(configuration.GetSection(MqttOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttOptions>, MqttOptionsCrossValidator>());

        services.AddSingleton<MqttLink>();
        services.AddSingleton<MqttClientOptionsFactory>();
        services.AddSingleton<ReconnectPolicy>();
        services.AddSingleton<StatusMessages>();
        services.AddSingleton<ReplyStore>();
        services.AddSingleton<DropReportStore>();
        services.AddSingleton<CommandProcessor>();
        // Commands go through the same authority as scanned passes: stateless token checks, then revoked/replayed.
        services.TryAddSingleton<CommandTokenVerifier>(sp =>
        {
            // Fails closed where the host composes messaging without the security feature.
            if (sp.GetService<PassAuthority>() is not { } authority)
            {
                return new UnavailableTokenVerifier();
            }

            return new ValidatorTokenVerifier(
                sp.GetRequiredService<Kiosk.Edge.TrustedTime.TrustedTokenValidator>(),
                (token, _) => ValueTask.FromResult(authority.Redeem(token) is { Granted: false, Reason: { } reason } ? reason.ToContractString() : null));
        });

        // Start order: broker, supervisor, publishers. Stop runs in reverse, so the supervisor
        // publishes the clean offline status after the publishers stopped, and the broker goes last.
        services.AddHostedService<EmbeddedBroker>();
        services.AddHostedService<LinkSupervisor>();
        services.AddHostedService<StatePublisher>();
        services.AddHostedService<TelemetryPublisher>();
        services.AddHostedService<EventOutboxPublisher>();
        services.AddHostedService<CommandListener>();
        return services;
    }
}
