using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Events;

[OptionsValidator]
internal sealed partial class EventJournalOptionsValidator : IValidateOptions<EventJournalOptions>;
