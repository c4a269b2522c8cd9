using Kiosk.Fleet.Cli;

return await FleetCli.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
