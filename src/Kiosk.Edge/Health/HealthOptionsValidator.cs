using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Health;

[OptionsValidator]
internal sealed partial class HealthOptionsValidator : IValidateOptions<HealthOptions>;
