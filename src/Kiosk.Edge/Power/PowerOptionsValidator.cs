using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Power;

[OptionsValidator]
internal sealed partial class PowerOptionsValidator : IValidateOptions<PowerOptions>;
