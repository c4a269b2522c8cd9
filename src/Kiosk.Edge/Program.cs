using Kiosk.Edge;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Configuration.Native;

if (args.Contains(ConfigurationCheck.Switch, StringComparer.Ordinal))
{
    return ConfigurationCheck.Run([.. args.Where(a => a != ConfigurationCheck.Switch)], Console.Out);
}

if (OperatingSystem.IsLinux())
{
    // Before the host starts its threads: glibc would give each of them its own malloc arena.
    StartupMemoryTrim.MallocArenaLimitApplied = LinuxMemory.LimitMallocArenas(StartupMemoryTrim.MallocArenaLimit);
}

using var host = KioskHost.Build(args);
await host.RunAsync().ConfigureAwait(false);
return 0;
