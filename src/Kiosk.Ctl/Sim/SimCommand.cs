using System.CommandLine;

namespace Kiosk.Ctl.Sim;

/// <summary>
/// <c>kioskctl sim ...</c>: drives the simulated board (Board:Kind=Simulated) through the service's
/// <c>sim.*</c> control operations. Each sim verb is one small file; adding one is a line here.
/// </summary>
internal static class SimCommand
{
    private static readonly Func<CtlContext, Command>[] Verbs =
    [
        SimScanCommand.Create,
        SimPressCommand.Create,
        SimDoorCommand.Create,
        SimBeamCommand.Create,
        SimPresenceCommand.Create,
        SimHelpCommand.Create,
        SimLoadCommand.Create,
        SimMeterCommand.Create,
        SimClimateCommand.Create,
        SimFaultCommand.Create,
        SimGpioCommand.Create,
    ];

    public static Command Create(CtlContext context)
    {
        var sim = new Command("sim", "Simulation: play inputs and faults on the simulated board (dotnet run --project src/Kiosk.Edge).");
        foreach (var verb in Verbs)
        {
            sim.Subcommands.Add(verb(context));
        }

        return sim;
    }
}
