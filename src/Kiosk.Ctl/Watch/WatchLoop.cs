using Spectre.Console;
using Spectre.Console.Rendering;

namespace Kiosk.Ctl.Watch;

/// <summary>
/// The refresh loop of <c>kioskctl watch</c>: one step reads a frame (or says the service is away, and
/// keeps trying through a restart) and shows it; between steps it waits one interval or until q.
/// </summary>
internal sealed class WatchLoop(CtlContext context, ControlClient client, TimeSpan interval)
{
    private static readonly TimeSpan KeyPoll = TimeSpan.FromMilliseconds(100);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!context.IsTerminal)
        {
            do
            {
                context.Out.Write(CtlContext.Plain(await StepAsync(terminal: false, cancellationToken).ConfigureAwait(false)));
                context.Out.WriteLine();
                context.Out.Flush();
            }
            while (!await WaitForQuitAsync(keys: false, cancellationToken).ConfigureAwait(false));
            return;
        }

        var keys = !Console.IsInputRedirected;
        await context.Console.Live(new Text(string.Empty)).AutoClear(false).StartAsync(async live =>
        {
            do
            {
                live.UpdateTarget(await StepAsync(terminal: true, cancellationToken).ConfigureAwait(false));
                live.Refresh();
            }
            while (!await WaitForQuitAsync(keys, cancellationToken).ConfigureAwait(false));
        }).ConfigureAwait(false);
    }

    /// <summary>One refresh: the frame, or the reason the service cannot be reached.</summary>
    public async Task<IRenderable> StepAsync(bool terminal, CancellationToken cancellationToken)
    {
        try
        {
            var frame = await WatchCommand.FrameAsync(client, cancellationToken).ConfigureAwait(false);
            return terminal ? frame.Terminal() : frame.Plain();
        }
        catch (CtlException e) when (e.ExitCode == ExitCodes.Unreachable)
        {
            // Keep watching through a service restart.
            return new Text($"{e.Message}\nretrying every {interval.TotalSeconds:0.#} s (q to quit)\n");
        }
    }

    /// <summary>Waits one interval; true when q was pressed. Ctrl+C cancels.</summary>
    private async Task<bool> WaitForQuitAsync(bool keys, CancellationToken cancellationToken)
    {
        for (var waited = TimeSpan.Zero; waited < interval; waited += KeyPoll)
        {
            while (keys && Console.KeyAvailable)
            {
                if (Console.ReadKey(intercept: true).KeyChar is 'q' or 'Q')
                {
                    return true;
                }
            }

            await Task.Delay(KeyPoll < interval ? KeyPoll : interval, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }
}
