using Kiosk.Fleet.Accounts;
using Kiosk.Fleet.Alarms;
using Kiosk.Fleet.Api;
using Kiosk.Fleet.Commands;
using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Ingest;
using Kiosk.Fleet.Kiosks;
using Kiosk.Fleet.Mqtt;
using Kiosk.Fleet.Observability;
using Kiosk.Fleet.Reports;
using Kiosk.Fleet.Storage;
using Kiosk.Fleet.Web;
using Kiosk.Fleet.Workers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Kiosk.Fleet;

/// <summary>Builds the fleet service: configuration, storage, broker link, accounts and the HTTP API.</summary>
public static class FleetApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application is kiosk-fleet whichever process hosts it (the tests do): its static web
        // assets manifests are found by this name.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(FleetApp).Assembly.GetName().Name });
        if (Environment.GetEnvironmentVariable("KIOSK_FLEET_CONFIG") is { Length: > 0 } siteFile)
        {
            // Site settings outside the install folder (/etc/kiosk-fleet); the environment still wins (secrets).
            builder.Configuration.AddJsonFile(siteFile, optional: false, reloadOnChange: false);
            builder.Configuration.AddEnvironmentVariables();
            builder.Configuration.AddCommandLine(args);
        }

        builder.Host.UseSystemd();
        configure?.Invoke(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        AddOptions<FleetOptions>(services, FleetOptions.Section);
        services.AddSingleton<IValidateOptions<FleetOptions>, FleetOptionsValidator>();
        services.AddSingleton<FleetTimeZone>();
        AddOptions<FleetMqttOptions>(services, FleetMqttOptions.Section);
        AddOptions<SigningOptions>(services, SigningOptions.Section);
        AddOptions<CommandsOptions>(services, CommandsOptions.Section);
        AddOptions<AlarmOptions>(services, AlarmOptions.Section);
        AddOptions<TelemetryRetentionOptions>(services, TelemetryRetentionOptions.Section);
        AddOptions<WorkerOptions>(services, WorkerOptions.Section);
        services.AddSingleton<IValidateOptions<FleetMqttOptions>, FleetMqttOptionsValidator>();
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();

        var maxBody = configuration.GetValue<int?>($"{FleetOptions.Section}:{nameof(FleetOptions.MaxRequestBytes)}") ?? new FleetOptions().MaxRequestBytes;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBody);

        services.AddSingleton(TimeProvider.System);
        services.AddFleetStorage(configuration);
        services.AddMetrics();
        services.AddSingleton<FleetMetrics>();
        FleetMetrics.ConfigureExport();
        services.AddHttpClient(AlarmEscalator.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));

        // Broker link and ingest.
        services.AddSingleton<FleetMqttConnection>();
        services.AddSingleton(sp => sp.GetRequiredService<FleetMqttConnection>().Topics);
        services.AddSingleton<IngestQueue>();
        services.AddSingleton<PendingReplies>();
        services.AddSingleton<MessageIngestor>();
        services.AddHostedService<EmbeddedBroker>();
        services.AddSingleton<SessionConnector>();
        services.AddSingleton<ConnectionSupervisor>();
        services.AddHostedService(sp => sp.GetRequiredService<ConnectionSupervisor>());
        services.AddHostedService<IngestWorker>();

        // Commands, revocations, alarms, retention.
        services.AddSingleton<CommandSigner>();
        services.AddSingleton<CommandSender>();
        services.AddSingleton<CommandDispatch>();
        services.AddSingleton<OperatorCommands>();
        services.AddSingleton<CurrentRoles>();
        services.AddSingleton<RevocationSender>();
        services.AddHostedService(sp => sp.GetRequiredService<RevocationSender>());
        services.AddSingleton<AlarmEscalator>();
        services.AddSingleton<AlarmWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmWatcher>());
        services.AddHostedService<TelemetryRetention>();
        services.AddSingleton<WorkerIdentity>();

        // Development: a living fleet of simulated kiosks on the same broker (off unless Fleet:Simulator:Enabled).
        AddOptions<Simulation.SimulatorOptions>(services, Simulation.SimulatorOptions.Section);
        services.AddHostedService<Simulation.SimulatedFleet>();

        // Accounts: Identity for operators (bearer or cookie), a separate bearer scheme for phones.
        services.AddAuthentication().AddBearerToken(FleetRoles.WorkerScheme);
        services.AddIdentityApiEndpoints<FleetUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<FleetDb>();
        services.AddScoped<AccountSeeder>();
        services.AddDataProtection().SetApplicationName("kiosk-fleet").PersistKeysToDbContext<FleetDb>();
        services.AddAuthorizationBuilder()
            .AddPolicy(FleetRoles.CanView, p => p.RequireRole(FleetRoles.Viewer, FleetRoles.Operator, FleetRoles.Admin))
            .AddPolicy(FleetRoles.CanOperate, p => p.RequireRole(FleetRoles.Operator, FleetRoles.Admin))
            .AddPolicy(FleetRoles.CanAdminister, p => p.RequireRole(FleetRoles.Admin))
            .AddPolicy(FleetRoles.IsWorker, p => p.AddAuthenticationSchemes(FleetRoles.WorkerScheme).RequireClaim(FleetRoles.WorkerClaim));

        // The operator console (Blazor, src/Kiosk.Fleet/Console).
        services.AddFleetConsole();

        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer(OperationalEndpointsTransformer.TransformAsync));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, FleetApiJsonContext.Default));
        services.AddHealthChecks()
            .AddDbContextCheck<FleetDb>("database")
            .AddCheck<BrokerHealthCheck>("broker");

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseFleetConsole();

        app.MapOpenApi();
        app.MapHealthChecks("/healthz");
        app.MapMetrics("/metrics");
        app.MapGroup("").MapIdentityApi<FleetUser>().AddEndpointFilter(IdentityEndpointFilter.RefuseSelfService);
        app.MapKioskEndpoints();
        app.MapBulkCommandEndpoints();
        app.MapAlarmEndpoints();
        app.MapWorkerEndpoints();
        app.MapReportEndpoints();
        app.MapFleetConsole();
        return app;
    }

    /// <summary>Migrates the database and creates roles (and the Development demo operator).</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await StorageServiceCollectionExtensions.MigrateAsync(scope.ServiceProvider.GetRequiredService<FleetDb>(), cancellationToken).ConfigureAwait(false);
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync().ConfigureAwait(false);
        // Fail at start, naming the key, rather than at the first command.
        _ = scope.ServiceProvider.GetRequiredService<CommandSigner>();
    }

    private static void AddOptions<T>(IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
