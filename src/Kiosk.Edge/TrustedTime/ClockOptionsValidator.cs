using Microsoft.Extensions.Options;

namespace Kiosk.Edge.TrustedTime;

[OptionsValidator]
internal sealed partial class ClockOptionsValidator : IValidateOptions<ClockOptions>;
