using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Power;

/// <summary>Attribute checks of one circuit; <see cref="PowerOptionsChecks"/> runs it per dictionary entry with the key name.</summary>
[OptionsValidator]
internal sealed partial class CircuitOptionsValidator : IValidateOptions<CircuitOptions>;
