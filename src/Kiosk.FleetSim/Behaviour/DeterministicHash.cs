using System.Text;

namespace Kiosk.FleetSim.Behaviour;

/// <summary>FNV-1a 32-bit: the same value in every process (unlike <c>string.GetHashCode</c>), so a seed means the same run.</summary>
internal static class DeterministicHash
{
    public static int Of(int seed, string text)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)hash;
    }
}
