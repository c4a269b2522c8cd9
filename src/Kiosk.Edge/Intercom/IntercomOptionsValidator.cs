using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Intercom;

[OptionsValidator]
internal sealed partial class IntercomOptionsValidator : IValidateOptions<IntercomOptions>;
