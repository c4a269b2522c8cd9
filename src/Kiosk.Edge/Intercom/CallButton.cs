using Kiosk.Edge.Hardware;
using Kiosk.Edge.Occupancy;

namespace Kiosk.Edge.Intercom;

/// <summary>The call button on the board, debounced, wired to the help call (a press is the active edge).</summary>
internal sealed class CallButton : IDisposable
{
    private readonly SensorInput? _input;

    public CallButton(Board board, IntercomOptions options, HelpCall help, TimeProvider time)
    {
        if (options.CallButtonPin is { } pin)
        {
            _input = new SensorInput(board, pin, options.CallButtonActiveLevel, options.CallButtonBias, "Intercom:CallButtonBias", time);
            _input.Changed += pressed =>
            {
                if (pressed)
                {
                    help.Press();
                }
            };
        }
    }

    public void Dispose() => _input?.Dispose();
}
