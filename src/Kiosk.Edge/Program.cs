using Kiosk.Edge;
using Kiosk.Edge.Configuration;

if (args.Contains(ConfigurationCheck.Switch, StringComparer.Ordinal))
{
    return ConfigurationCheck.Run([.. args.Where(a => a != ConfigurationCheck.Switch)], Console.Out);
}

using var host = KioskHost.Build(args);
await host.RunAsync().ConfigureAwait(false);
return 0;
