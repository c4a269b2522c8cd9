using System.CommandLine;
using Kiosk.FleetSim.Cli;

var root = new RootCommand("Kiosk Edge fleet simulator: N simulated kiosks speaking the kiosk contract over MQTT")
{
    RunCommand.Create(),
    StationsCommand.Create(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
