using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Climate;

[OptionsValidator]
internal sealed partial class ClimateOptionsValidator : IValidateOptions<ClimateOptions>;
