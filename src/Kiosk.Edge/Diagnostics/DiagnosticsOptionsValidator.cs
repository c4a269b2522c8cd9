using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics;

[OptionsValidator]
internal sealed partial class DiagnosticsOptionsValidator : IValidateOptions<DiagnosticsOptions>;
