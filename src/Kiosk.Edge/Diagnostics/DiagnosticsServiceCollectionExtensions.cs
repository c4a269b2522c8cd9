using Kiosk.Edge.Commands;
using Kiosk.Edge.Control;
using Kiosk.Edge.Diagnostics.Actuators;
using Kiosk.Edge.Diagnostics.Checks;
using Kiosk.Edge.Diagnostics.Control;
using Kiosk.Edge.Diagnostics.Simulation;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Messaging;
using Kiosk.Edge.Power;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics;

internal static class DiagnosticsServiceCollectionExtensions
{
    /// <summary>
    /// Maintenance mode, the diagnostics runner with every check whose feature is composed, the
    /// actuator tests, the diag command and the control operations kioskctl uses
    /// (diag, diag.actuate, maintenance, command, sim.fault). Call after the features.
    /// </summary>
    public static IServiceCollection AddDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MaintenanceOptions>().Bind(configuration.GetSection(MaintenanceOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MaintenanceOptions>, MaintenanceOptionsValidator>());
        services.AddOptions<DiagnosticsOptions>().Bind(configuration.GetSection(DiagnosticsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiagnosticsOptions>, DiagnosticsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiagnosticsOptions>, DiagnosticsOptionsRules>());
        services.AddSingleton<MaintenanceMode>();

        services.AddSingleton<ServiceStart>();
        services.AddHostedService(sp => new StartMarker(sp.GetRequiredService<ServiceStart>()));
        services.TryAddSingleton<ProcessRunner, SystemProcessRunner>();
        services.TryAddSingleton<DiskSpace, SystemDiskSpace>();
        // The simulated board has a simulated RTC (which sim fault rtc_missing removes); a real board asks the kernel.
        services.TryAddSingleton<RtcProbe>(sp => sp.GetRequiredService<Board>().Kind == BoardKind.Simulated
            ? new SimulatedRtc(sp.GetRequiredService<SimulatedFaults>())
            : new SysfsRtcProbe(sp.GetRequiredService<IOptions<DiagnosticsOptions>>()));
        services.AddSingleton<DiagnosticsRunner>();
        services.AddSingleton<SimulatedFaults>();

        services.AddSingleton<DiagnosticCheck, GpioCheck>();
        services.AddSingleton<DoorActivityMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DoorActivityMonitor>());
        services.AddSingleton<DiagnosticCheck, DoorInputsCheck>();
        services.AddSingleton<DiagnosticCheck, ClockCheck>();
        services.AddSingleton<DiagnosticCheck, DiskCheck>();
        services.AddSingleton<DiagnosticCheck, OutboxCheck>();
        services.AddSingleton<DiagnosticCheck, AudioCheck>();
        services.AddSingleton<DiagnosticCheck>(sp => new TtsCheck(
            sp.GetRequiredService<ProcessRunner>(),
            configuration["Intercom:EspeakPath"] is { Length: > 0 } espeak ? espeak : "espeak-ng"));
        services.AddSingleton<DiagnosticCheck, UptimeCheck>();
        services.AddSingleton<DiagnosticCheck, HealthCheck>();
        services.AddSingleton<DiagnosticCheck, RecentFaultsCheck>();
        services.AddSingleton<DiagnosticCheck, TrustStoreCheck>();
        services.AddSingleton<DiagnosticCheck>(sp => new CertificateExpiryCheck(
            () => BrokerCertificates(sp.GetRequiredService<IOptions<MqttOptions>>().Value),
            sp.GetRequiredService<IOptions<DiagnosticsOptions>>().Value.CertificateWarnBefore,
            sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<BrokerProbe, MqttLinkProbe>();
        services.AddSingleton<DiagnosticCheck, BrokerCheck>();
        services.AddSingleton<DiagnosticCheck>(sp => new MeterCheck(sp.GetRequiredService<PowerGuard>()));

        services.AddSingleton<Actuator, LockActuator>();
        services.AddSingleton<Actuator, CircuitActuator>();
        services.AddSingleton<Actuator, AmpActuator>();

        services.AddSingleton<KioskCommand, DiagCommand>();
        services.AddSingleton<ControlOperation, DiagOperation>();
        services.AddSingleton<ControlOperation, ActuateOperation>();
        services.AddSingleton<ControlOperation, MaintenanceOperation>();
        services.AddSingleton<ControlOperation, CommandOperation>();
        services.AddSingleton<ControlOperation, SimFaultOperation>();
        return services;
    }

    /// <summary>The broker link's PEM files (<c>Mqtt:Tls:CaFile</c>, <c>Mqtt:Tls:CertFile</c>) when the link uses TLS.</summary>
    internal static IReadOnlyList<CertificateFile> BrokerCertificates(MqttOptions mqtt)
    {
        if (!mqtt.UsesTls)
        {
            return [];
        }

        var files = new List<CertificateFile>();
        if (!string.IsNullOrWhiteSpace(mqtt.Tls.CaFile))
        {
            files.Add(new CertificateFile("Mqtt:Tls:CaFile", mqtt.Tls.CaFile));
        }

        if (!string.IsNullOrWhiteSpace(mqtt.Tls.CertFile))
        {
            files.Add(new CertificateFile("Mqtt:Tls:CertFile", mqtt.Tls.CertFile));
        }

        return files;
    }

    /// <summary>Resolves <see cref="ServiceStart"/> when the host starts, so uptime counts from then.</summary>
    private sealed class StartMarker(ServiceStart start) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(start);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
