using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Doors;

/// <summary>The range and required attributes of one cabin.</summary>
[OptionsValidator]
internal sealed partial class DoorOptionsValidator : IValidateOptions<DoorOptions>;
