// Real brokers, databases and kiosk processes on a shared 2-core machine: two classes at a time.
[assembly: Xunit.v3.Parallelization(MaxThreads = 2)]
[assembly: AssemblyFixture(typeof(Kiosk.Fleet.Tests.Infrastructure.SharedServers))]
