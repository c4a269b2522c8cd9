return await Kiosk.Ctl.CtlApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
