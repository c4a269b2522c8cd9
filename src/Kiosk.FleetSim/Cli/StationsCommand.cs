using System.CommandLine;
using System.Globalization;

namespace Kiosk.FleetSim.Cli;

/// <summary><c>kiosk-fleetsim stations [--count N] [--seed S] [--id-prefix P]</c>: the simulated stations as CSV (id, code, name, lat, lon).</summary>
internal static class StationsCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Number of stations", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed placing stations past the 20 named ones", DefaultValueFactory = _ => 1 };
        var prefix = new Option<string>("--id-prefix") { Description = "Kiosk id prefix", DefaultValueFactory = _ => Stations.StationCatalog.DefaultIdPrefix };
        var command = new Command("stations", "Print the simulated stations (CSV, WGS-84)") { count, seed, prefix };
        command.SetAction(async (result, ct) =>
        {
            await Console.Out.WriteLineAsync("id,code,name,latitude,longitude").ConfigureAwait(false);
            foreach (var s in Stations.StationCatalog.Yingze(result.GetValue(count), result.GetValue(seed), result.GetValue(prefix)!))
            {
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{s.KioskId},{s.Station.Code},\"{s.Station.Name}\",{s.Station.Latitude},{s.Station.Longitude}")).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
