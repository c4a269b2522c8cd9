using System.CommandLine;
using Kiosk.FleetSim.Behaviour;
using Kiosk.FleetSim.Mqtt;
using Kiosk.FleetSim.Runner;
using Kiosk.Tokens;

namespace Kiosk.FleetSim.Cli;

/// <summary>The options of <c>run</c> and how they become <see cref="SimOptions"/> (bad values fail naming the option).</summary>
internal sealed class RunOptions
{
    public Option<string> Host { get; } = new("--host") { Description = "Broker host", Required = true };
    public Option<int> Port { get; } = new("--port") { Description = "Broker port", DefaultValueFactory = _ => 1883 };
    public Option<int> Count { get; } = new("--count") { Description = "Number of simulated kiosks", DefaultValueFactory = _ => 20 };
    public Option<int> Seed { get; } = new("--seed") { Description = "Random seed: the same seed gives the same event stream", DefaultValueFactory = _ => 1 };
    public Option<TimeSpan?> Duration { get; } = new("--duration") { Description = "Wall time to run (e.g. 00:01:00); absent: until SIGINT/SIGTERM" };
    public Option<double> TimeScale { get; } = new("--time-scale") { Description = "Virtual seconds per wall second", DefaultValueFactory = _ => 1 };
    public Option<DateTimeOffset?> Start { get; } = new("--start") { Description = "Virtual start time (RFC 3339); absent: now" };
    public Option<string> IdPrefix { get; } = new("--id-prefix") { Description = "Kiosk ids are PREFIX-0001...", DefaultValueFactory = _ => Stations.StationCatalog.DefaultIdPrefix };
    public Option<string> TopicRoot { get; } = new("--topic-root") { Description = "Topic root", DefaultValueFactory = _ => Kiosk.Contract.Topics.KioskTopics.DefaultRoot };
    public Option<double> ConnectRate { get; } = new("--connect-rate") { Description = "New connections per second at start", DefaultValueFactory = _ => 50 };
    public Option<TimeSpan> StartDelayMax { get; } = new("--start-delay-max") { Description = "Each kiosk also waits a random share of this before its first connect", DefaultValueFactory = _ => TimeSpan.Zero };
    public Option<TimeSpan> KeepAlive { get; } = new("--keep-alive") { Description = "MQTT keep-alive", DefaultValueFactory = _ => TimeSpan.FromSeconds(120) };
    public Option<TimeSpan> ReconnectBase { get; } = new("--reconnect-base") { Description = "Backoff base delay (exponential with jitter)", DefaultValueFactory = _ => TimeSpan.FromSeconds(2) };
    public Option<TimeSpan> ReconnectMax { get; } = new("--reconnect-max") { Description = "Backoff cap", DefaultValueFactory = _ => TimeSpan.FromMinutes(5) };
    public Option<bool> Tls { get; } = new("--tls") { Description = "TLS to the broker" };
    public Option<FileInfo?> Ca { get; } = new("--ca") { Description = "PEM CA the broker certificate must chain to" };
    public Option<FileInfo?> ClientCert { get; } = new("--client-cert") { Description = "Client certificate (PEM)" };
    public Option<FileInfo?> ClientKey { get; } = new("--client-key") { Description = "Client key (PEM)" };
    public Option<string?> Username { get; } = new("--username") { Description = "Broker user name" };
    public Option<string?> Password { get; } = new("--password") { Description = "Broker password (prefer FLEETSIM_PASSWORD)" };
    public Option<FileInfo?> TrustStore { get; } = new("--trust-store") { Description = "Kiosk trust store JSON (the kiosk's Security:TrustStorePath format)" };
    public Option<FileInfo?> TrustKey { get; } = new("--trust-key") { Description = "Issuer public key PEM (P-256) the kiosks trust" };
    public Option<string> TrustKid { get; } = new("--trust-kid") { Description = "kid of --trust-key", DefaultValueFactory = _ => "demo-issuer" };
    public Option<string> TrustIssuer { get; } = new("--trust-issuer") { Description = "iss of --trust-key", DefaultValueFactory = _ => "https://issuer.demo.kiosk-edge.invalid" };
    public Option<string[]> TrustRoles { get; } = new("--trust-roles") { Description = "Roles --trust-key may grant", DefaultValueFactory = _ => ["worker", "steward", "maintenance", "operator"], AllowMultipleArgumentsPerToken = true };
    public Option<double> VisitsPerDay { get; } = new("--visits-per-day") { Description = "Visits per station per day", DefaultValueFactory = _ => 40 };
    public Option<TimeSpan> Step { get; } = new("--step") { Description = "Model step (virtual)", DefaultValueFactory = _ => TimeSpan.FromSeconds(10) };
    public Option<TimeSpan> TelemetryPeriod { get; } = new("--telemetry-period") { Description = "Telemetry period (virtual)", DefaultValueFactory = _ => TimeSpan.FromMinutes(1) };
    public Option<double> LinkDropsPerDay { get; } = new("--link-drops-per-day") { Description = "Cellular link drops per kiosk per day", DefaultValueFactory = _ => 1 };
    public Option<FileInfo?> Stats { get; } = new("--stats") { Description = "Write the stats JSON here (periodically and at the end)" };
    public Option<TimeSpan> StatsInterval { get; } = new("--stats-interval") { Description = "How often --stats is rewritten (wall)", DefaultValueFactory = _ => TimeSpan.FromSeconds(10) };
    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Debug logging (connect retries, link drops)" };

    public IEnumerable<Option> All =>
    [
        Host, Port, Count, Seed, Duration, TimeScale, Start, IdPrefix, TopicRoot, ConnectRate, StartDelayMax, KeepAlive, ReconnectBase, ReconnectMax,
        Tls, Ca, ClientCert, ClientKey, Username, Password, TrustStore, TrustKey, TrustKid, TrustIssuer, TrustRoles,
        VisitsPerDay, Step, TelemetryPeriod, LinkDropsPerDay, Stats, StatsInterval, Verbose,
    ];

    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    /// <exception cref="TrustStoreException">The trust store or key cannot be used.</exception>
    public SimOptions Read(ParseResult r)
    {
        Require(r.GetValue(Count) >= 0, "--count must be 0 or more");
        Require(r.GetValue(Port) is > 0 and < 65536, "--port must be 1 to 65535");
        Require(r.GetValue(TimeScale) > 0, "--time-scale must be above 0");
        Require(r.GetValue(ConnectRate) > 0, "--connect-rate must be above 0");
        Require(r.GetValue(Step) >= TimeSpan.FromSeconds(1), "--step must be at least 00:00:01");
        Require(r.GetValue(KeepAlive) >= TimeSpan.FromSeconds(5), "--keep-alive must be at least 00:00:05");
        Require(r.GetValue(VisitsPerDay) >= 0 && r.GetValue(LinkDropsPerDay) >= 0, "--visits-per-day and --link-drops-per-day must be 0 or more");
        Require(r.GetValue(TrustStore) is null || r.GetValue(TrustKey) is null, "--trust-store and --trust-key: give one");
        return new SimOptions
        {
            Count = r.GetValue(Count),
            Seed = r.GetValue(Seed),
            IdPrefix = r.GetValue(IdPrefix)!,
            TimeScale = r.GetValue(TimeScale),
            Start = r.GetValue(Start),
            ConnectRate = r.GetValue(ConnectRate),
            Behaviour = new BehaviourOptions
            {
                VisitsPerDay = r.GetValue(VisitsPerDay),
                Step = r.GetValue(Step),
                TelemetryPeriod = r.GetValue(TelemetryPeriod),
                LinkDropsPerDay = r.GetValue(LinkDropsPerDay),
            },
            Link = new LinkOptions
            {
                Host = r.GetValue(Host)!,
                Port = r.GetValue(Port),
                TopicRoot = r.GetValue(TopicRoot)!,
                Tls = r.GetValue(Tls),
                CaFile = r.GetValue(Ca)?.FullName,
                CertFile = r.GetValue(ClientCert)?.FullName,
                KeyFile = r.GetValue(ClientKey)?.FullName,
                Username = r.GetValue(Username),
                Password = r.GetValue(Password) ?? Environment.GetEnvironmentVariable("FLEETSIM_PASSWORD"),
                KeepAlive = r.GetValue(KeepAlive),
                ReconnectBaseDelay = r.GetValue(ReconnectBase),
                ReconnectMaxDelay = r.GetValue(ReconnectMax),
                StartDelayMax = r.GetValue(StartDelayMax),
            },
            Trust = ReadTrust(r),
        };
    }

    private TrustSource ReadTrust(ParseResult r)
    {
        if (r.GetValue(TrustStore) is { } store)
        {
            return TrustSource.FromFile(store.FullName);
        }

        if (r.GetValue(TrustKey) is not { } key)
        {
            return TrustSource.None;
        }

        var roles = new List<KioskRole>();
        foreach (var name in r.GetValue(TrustRoles) ?? [])
        {
            Require(KioskRoleExtensions.TryParse(name, out var role), $"--trust-roles: unknown role '{name}'");
            roles.Add(role);
        }

        return TrustSource.FromPem(r.GetValue(TrustKid)!, r.GetValue(TrustIssuer)!, File.ReadAllText(key.FullName), roles);
    }

    private static void Require(bool ok, string message)
    {
        if (!ok)
        {
            throw new ArgumentException(message);
        }
    }
}
