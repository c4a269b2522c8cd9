using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Climate.Simulation;

/// <summary>
/// <c>kioskctl sim climate --cabin rest --celsius 41 [--humidity 60] [--co2 1800] [--fault none|no_answer|crc_error|implausible] [--cpu 70]</c>:
/// sets the air the simulated sensors of a cabin measure (and the simulated CPU temperature). The
/// monitor sees it at its next sample, through the library drivers and the simulated chips.
/// </summary>
internal sealed class SimClimateOperation(Board board, SimulatedClimate climate) : ControlOperation
{
    public override string Name => "sim.climate";

    public override ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        if (board.Simulation is null)
        {
            throw new ControlException("sim.climate needs the simulated board (Board:Kind=Simulated)");
        }

        var cabin = Text(args, "cabin");
        var cpu = Number(args, "cpu", 0, 120);
        if (cabin is null && cpu is not null)
        {
            climate.Cpu.Celsius = cpu.Value;
            return ValueTask.FromResult<JsonNode?>(new JsonObject { ["cpu"] = cpu });
        }

        var air = cabin is null ? null : climate.Air(cabin);
        if (air is null || cabin is null)
        {
            throw new ControlException($"sim.climate needs --cabin, one of: {string.Join(", ", climate.Cabins.Order(StringComparer.Ordinal))} (cabins with sensors in Climate:Cabins)");
        }

        // Check everything before changing anything: a bad argument changes nothing.
        var celsius = Number(args, "celsius", -60, 130);
        var humidity = Number(args, "humidity", 0, 100);
        var co2 = Number(args, "co2", 0, 40_000);
        SimulatedSensorFault? fault = Text(args, "fault") switch
        {
            null => null,
            "none" => SimulatedSensorFault.None,
            "no_answer" => SimulatedSensorFault.NoAnswer,
            "crc_error" => SimulatedSensorFault.CrcError,
            "implausible" => SimulatedSensorFault.Implausible,
            var other => throw new ControlException($"sim.climate: --fault '{other}' is not one of none, no_answer, crc_error, implausible"),
        };
        if (celsius is null && humidity is null && co2 is null && fault is null && cpu is null)
        {
            throw new ControlException("sim.climate needs at least one of --celsius, --humidity, --co2, --fault, --cpu");
        }

        air.Celsius = celsius ?? air.Celsius;
        air.Humidity = humidity ?? air.Humidity;
        air.Co2Ppm = co2 ?? air.Co2Ppm;
        air.Fault = fault ?? air.Fault;
        climate.Cpu.Celsius = cpu ?? climate.Cpu.Celsius;
        return ValueTask.FromResult<JsonNode?>(new JsonObject
        {
            ["cabin"] = cabin,
            ["celsius"] = air.Celsius,
            ["humidity"] = air.Humidity,
            ["co2"] = air.Co2Ppm,
            ["fault"] = air.Fault switch
            {
                SimulatedSensorFault.NoAnswer => "no_answer",
                SimulatedSensorFault.CrcError => "crc_error",
                SimulatedSensorFault.Implausible => "implausible",
                _ => "none",
            },
        });
    }

    private static string? Text(JsonObject args, string name) =>
        args[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static double? Number(JsonObject args, string name, double min, double max)
    {
        if (args[name] is not { } node)
        {
            return null;
        }

        // Through the text, so numbers built as int (not only parsed JSON) are read too.
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number
            || !double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new ControlException($"sim.climate: --{name} must be a number");
        }

        return value < min || value > max
            ? throw new ControlException($"sim.climate: --{name} {value} is outside {min}..{max}")
            : value;
    }
}
