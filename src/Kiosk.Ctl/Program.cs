return await Kiosk.Ctl.CtlApp.RunAsync(args, Kiosk.Ctl.CtlIo.FromConsole()).ConfigureAwait(false);
