using Kiosk.Tokens;

namespace Kiosk.FleetSim.Commands;

/// <summary>Holders (<c>sub</c>) and tokens (<c>jti</c>) refused from now on (the <c>revoke</c> command), in memory.</summary>
internal sealed class RevocationSet
{
    private readonly HashSet<string> _subs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _jtis = new(StringComparer.Ordinal);

    public bool IsRevoked(ValidatedToken token) => _subs.Contains(token.Sub) || _jtis.Contains(token.Jti);

    /// <summary>Adds both lists; how many entries were new.</summary>
    public int Add(IEnumerable<string> subs, IEnumerable<string> jtis) =>
        subs.Count(_subs.Add) + jtis.Count(_jtis.Add);
}
