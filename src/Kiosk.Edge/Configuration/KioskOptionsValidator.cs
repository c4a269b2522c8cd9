using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Configuration;

[OptionsValidator]
internal sealed partial class KioskOptionsValidator : IValidateOptions<KioskOptions>;
