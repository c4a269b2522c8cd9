using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Hardware.Scanner;

[OptionsValidator]
internal sealed partial class ScannerOptionsValidator : IValidateOptions<ScannerOptions>;
