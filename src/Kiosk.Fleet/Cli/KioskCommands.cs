using System.CommandLine;
using System.Globalization;
using Kiosk.Fleet.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Cli;

/// <summary><c>kiosk-fleet kiosks list</c>: the kiosks the database knows.</summary>
internal static class KioskCommands
{
    public static Command Create()
    {
        var kiosks = new Command("kiosks", "The fleet's kiosks");
        var list = new Command("list", "List kiosks: id, online, last seen, district, station") { TreatUnmatchedTokensAsErrors = false };
        list.SetAction(async (result, ct) =>
        {
            await using var app = FleetCli.Host(result);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FleetDb>();
            var rows = await db.Kiosks.AsNoTracking().OrderBy(k => k.Id).ToListAsync(ct).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"{"id",-24} {"online",-7} {"last seen (UTC)",-20} {"district",-10} station").ConfigureAwait(false);
            foreach (var k in rows)
            {
                var station = Kiosks.KioskViews.Parse(k.Station)?["name"]?.ToString() ?? "";
                var seen = k.LastSeen?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";
                await Console.Out.WriteLineAsync($"{k.Id,-24} {(k.Online ? "yes" : "no"),-7} {seen,-20} {k.District ?? "-",-10} {station}").ConfigureAwait(false);
            }

            return 0;
        });
        kiosks.Subcommands.Add(list);
        return kiosks;
    }
}
