using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics;

[OptionsValidator]
internal sealed partial class MaintenanceOptionsValidator : IValidateOptions<MaintenanceOptions>;
