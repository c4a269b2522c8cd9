using Kiosk.Edge;

using var host = KioskHost.Build(args);
await host.RunAsync().ConfigureAwait(false);
