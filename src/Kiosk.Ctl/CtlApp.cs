namespace Kiosk.Ctl;

/// <summary>kioskctl: maintenance and development command line for the kiosk service.</summary>
internal static class CtlApp
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("usage: kioskctl <command> (not implemented yet)");
        return Task.FromResult(args.Length == 0 ? 2 : 2);
    }
}
