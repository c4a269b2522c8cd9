using Kiosk.Edge.Commands;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Control;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Occupancy;
using Kiosk.Edge.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Intercom;

internal static class IntercomServiceCollectionExtensions
{
    public static IServiceCollection AddIntercom(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntercomOptions>().Bind(configuration.GetSection(IntercomOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntercomOptions>, IntercomOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntercomOptions>, IntercomOptionsChecks>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<IntercomOptions>>().Value);
        services.AddSingleton<IntercomStatus>();
        services.AddPinClaims<IntercomOptions>(o => new[]
            {
                ("Intercom:CallButtonPin", o.CallButtonPin),
                ("Intercom:HelpLedPin", o.HelpLedPin),
                ("Intercom:AmpEnablePin", o.AmpEnablePin),
            }
            .Where(c => c.Item2.HasValue)
            .Select(c => new PinClaim(c.Item1, c.Item2!.Value)));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IntercomOptions>();
            return new QuietHours(o.QuietHoursStart, o.QuietHoursEnd, TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone));
        });
        services.AddSingleton(sp => new AnnouncementQueue(sp.GetRequiredService<IntercomOptions>().MaxQueueLength, sp.GetRequiredService<IntercomStatus>()));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IntercomOptions>();
            return new HelpCall(
                sp.GetRequiredService<IOptions<IntercomOptions>>(),
                new SwitchedOutput(sp.GetRequiredService<Board>().Gpio, o.HelpLedPin, o.HelpLedActiveLevel),
                sp.GetRequiredService<EventJournal>(),
                sp.GetRequiredService<IntercomStatus>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<HelpCall>>());
        });
        services.AddSingleton(sp => new CallButton(
            sp.GetRequiredService<Board>(),
            sp.GetRequiredService<IntercomOptions>(),
            sp.GetRequiredService<HelpCall>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IntercomOptions>();
            return new SpeechSynthesizer(o.EspeakPath, o.Voice, o.RenderTimeout, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(CreateSink);
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IntercomOptions>();
            var kiosk = sp.GetRequiredService<IOptions<KioskOptions>>().Value;
            return new AnnouncementPlayer(
                sp.GetRequiredService<AnnouncementQueue>(),
                sp.GetRequiredService<SpeechSynthesizer>(),
                sp.GetRequiredService<AudioSink>(),
                new SwitchedOutput(sp.GetRequiredService<Board>().Gpio, o.AmpEnablePin, o.AmpActiveLevel),
                sp.GetRequiredService<QuietHours>(),
                o,
                o.WorkDirectory ?? Path.Combine(kiosk.RuntimeDirectory, "intercom"),
                sp.GetRequiredService<EventJournal>(),
                sp.GetRequiredService<IntercomStatus>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<AnnouncementPlayer>>());
        });
        services.AddHostedService(sp =>
        {
            // The call button listens from the start, not from the first sim.help.
            sp.GetRequiredService<CallButton>();
            return sp.GetRequiredService<AnnouncementPlayer>();
        });
        services.AddSingleton<KioskCommand, AnnounceCommand>();
        services.AddSingleton<KioskCommand, AckHelpCommand>();
        services.AddSingleton<TelemetrySource, IntercomTelemetry>();
        services.TryAddSingleton<SimulatedInputs>();
        services.AddSingleton<ControlOperation, SimHelpOperation>();
        return services;
    }

    private static AudioSink CreateSink(IServiceProvider sp)
    {
        var o = sp.GetRequiredService<IntercomOptions>();
        var time = sp.GetRequiredService<TimeProvider>();
        var simulated = sp.GetRequiredService<Board>().Simulation is not null;
        return o.Sink switch
        {
            AudioSinkKind.File => FileSink(),
            AudioSinkKind.Alsa => new AplayAudioSink(o.AplayPath, o.AlsaDevice, time),
            _ when simulated => FileSink(),
            _ => new AplayAudioSink(o.AplayPath, o.AlsaDevice, time),
        };

        FileAudioSink FileSink() => new(
            o.OutputDirectory ?? Path.Combine(sp.GetRequiredService<IOptions<KioskOptions>>().Value.StateDirectory, "audio-out"),
            time);
    }
}
