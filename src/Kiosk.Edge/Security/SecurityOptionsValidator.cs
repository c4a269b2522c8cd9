using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Security;

[OptionsValidator]
internal sealed partial class SecurityOptionsValidator : IValidateOptions<SecurityOptions>;
