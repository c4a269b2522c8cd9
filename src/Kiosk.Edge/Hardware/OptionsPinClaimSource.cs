using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Hardware;

/// <summary>Claims read from a feature's options (so the options are validated first).</summary>
internal sealed class OptionsPinClaimSource<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IOptions<TOptions> options, Func<TOptions, IEnumerable<PinClaim>> claims) : PinClaimSource
    where TOptions : class
{
    public override IEnumerable<PinClaim> Claims() => claims(options.Value);
}
