using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Messaging;

[OptionsValidator]
internal sealed partial class MqttOptionsValidator : IValidateOptions<MqttOptions>;
