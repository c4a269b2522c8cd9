using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Occupancy;

[OptionsValidator]
internal sealed partial class OccupancyOptionsValidator : IValidateOptions<OccupancyOptions>;
