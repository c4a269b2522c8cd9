// A browser, a fleet and brokers per test on a shared 2-core machine: one class at a time.
[assembly: Xunit.v3.Parallelization(MaxThreads = 1)]
[assembly: AssemblyFixture(typeof(Kiosk.Fleet.Tests.Infrastructure.SharedServers))]
[assembly: AssemblyFixture(typeof(Kiosk.Console.Tests.Infrastructure.Browser))]
