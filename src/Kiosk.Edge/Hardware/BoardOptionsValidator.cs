using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Hardware;

[OptionsValidator]
internal sealed partial class BoardOptionsValidator : IValidateOptions<BoardOptions>;
