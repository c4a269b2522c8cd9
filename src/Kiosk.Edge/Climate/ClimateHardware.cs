using System.Device.I2c;
using Kiosk.Edge.Climate.Sensors;
using Kiosk.Edge.Climate.Simulation;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Climate;

/// <summary>
/// Builds each cabin's sensors from the board: the one place the climate feature creates hardware.
/// On the simulated board it first attaches the simulated chips the library drivers talk to.
/// </summary>
internal static class ClimateHardware
{
    public static List<CabinClimate> Build(ClimateOptions options, Board board, I2cBusFactory i2c, SimulatedI2cBus simulatedI2c, SimulatedClimate simulated, TimeProvider time)
    {
        var cabins = new List<CabinClimate>();
        foreach (var (id, cabin) in options.Cabins.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (board.Simulation is not null)
            {
                Simulate(simulated.Add(id), cabin, simulatedI2c);
            }

            var (bus, address) = (cabin.Bus, cabin.Address);
            ClimateSensor sensor = cabin.Sensor switch
            {
                ClimateSensorKind.Sht3x => new Sht3xSensor(() => i2c.Open(bus, address)),
                ClimateSensorKind.Sht4x => new Sht4xSensor(() => i2c.Open(bus, address)),
                ClimateSensorKind.Bme280 => new Bme280Sensor(() => i2c.Open(bus, address)),
                _ => throw new ArgumentOutOfRangeException(nameof(options), cabin.Sensor, null),
            };
            var co2 = cabin.Co2Address is { } co2Address ? new Scd4xSensor(() => i2c.Open(bus, co2Address), time) : null;
            cabins.Add(new CabinClimate(id, cabin, sensor, co2, options));
        }

        return cabins;
    }

    public static CpuThermometer Cpu(ClimateOptions options, Board board, SimulatedClimate simulated) =>
        board.Simulation is null ? new ThermalZoneThermometer(options.CpuTemperaturePath) : simulated.Cpu;

    private static void Simulate(SimulatedAir air, CabinClimateOptions cabin, SimulatedI2cBus bus)
    {
        var settings = new I2cConnectionSettings(cabin.Bus, cabin.Address);
        I2cDevice chip = cabin.Sensor switch
        {
            ClimateSensorKind.Sht3x => new SimulatedSht3x(settings, air),
            ClimateSensorKind.Sht4x => new SimulatedSht4x(settings, air),
            _ => new SimulatedBme280(settings, air),
        };
        bus.Attach(cabin.Bus, cabin.Address, chip);
        if (cabin.Co2Address is { } co2)
        {
            bus.Attach(cabin.Bus, co2, new SimulatedScd4x(new I2cConnectionSettings(cabin.Bus, co2), air));
        }
    }
}
