using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Hardware;

/// <summary>
/// Every GPIO line the kiosk uses, by the configuration key that chose it. Built at start from all
/// features' <see cref="PinClaimSource"/>s: a line outside the chip or used twice anywhere stops the
/// service with the keys named, e.g. "Doors:Cabins:rest:LockPin and Power:Circuits:outlet:RelayPin
/// both use GPIO 17". Features then take their validated lines from here with <see cref="Pin"/>.
/// </summary>
internal sealed class PinRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, PinClaim> _byPin = [];
    private readonly Dictionary<string, int> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _chipName;

    public PinRegistry(Board board, IEnumerable<PinClaimSource> sources)
        : this(board.PinCount, board.ChipName, sources.SelectMany(s => s.Claims()))
    {
    }

    internal PinRegistry(int pinCount, string chipName, IEnumerable<PinClaim> claims)
    {
        PinCount = pinCount;
        _chipName = chipName;
        var failures = new List<string>();
        foreach (var claim in claims)
        {
            if (TryReserveCore(claim, out var failure) is false)
            {
                failures.Add(failure!);
            }
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(BoardOptions.Section, typeof(BoardOptions), failures);
        }
    }

    /// <summary>Lines 0..PinCount-1 exist on the chip.</summary>
    public int PinCount { get; }

    /// <summary>Every reserved line and the key that reserved it.</summary>
    public IReadOnlyDictionary<int, string> Reservations
    {
        get
        {
            lock (_gate)
            {
                return _byPin.ToDictionary(p => p.Key, p => p.Value.Key);
            }
        }
    }

    /// <summary>The reserved lines the service opens as GPIO lines (every reservation but an enabled bus's pins).</summary>
    public IReadOnlyDictionary<int, string> GpioLines
    {
        get
        {
            lock (_gate)
            {
                return _byPin.Where(p => !p.Value.Bus).ToDictionary(p => p.Key, p => p.Value.Key);
            }
        }
    }

    /// <summary>The line reserved under a configuration key.</summary>
    /// <exception cref="KeyNotFoundException">Nothing claimed that key (a registration mistake).</exception>
    public int Pin(string key)
    {
        lock (_gate)
        {
            return _byKey.TryGetValue(key, out var pin)
                ? pin
                : throw new KeyNotFoundException($"No GPIO line is claimed under '{key}'; register it with AddPinClaims.");
        }
    }

    /// <summary>Reserves a line after start (for a feature that learns its lines late).</summary>
    /// <exception cref="InvalidOperationException">The line is outside the chip or already in use; the message names both keys.</exception>
    public void Reserve(string key, int pin)
    {
        if (!TryReserveCore(new PinClaim(key, pin), out var failure))
        {
            throw new InvalidOperationException(failure);
        }
    }

    private bool TryReserveCore(PinClaim claim, out string? failure)
    {
        ArgumentException.ThrowIfNullOrEmpty(claim.Key);
        failure = null;
        if (claim.Pin < 0 || claim.Pin >= PinCount)
        {
            failure = $"{claim.Key} = {claim.Pin} is not a line of the {_chipName} (lines 0..{PinCount - 1})";
            return false;
        }

        lock (_gate)
        {
            if (_byPin.TryGetValue(claim.Pin, out var held))
            {
                var holder = held.Key;
                if (string.Equals(holder, claim.Key, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                failure = $"{holder} and {claim.Key} both use GPIO {claim.Pin}";
                return false;
            }

            if (_byKey.TryGetValue(claim.Key, out var other))
            {
                failure = $"{claim.Key} is claimed twice (GPIO {other} and GPIO {claim.Pin})";
                return false;
            }

            _byPin[claim.Pin] = claim;
            _byKey[claim.Key] = claim.Pin;
            return true;
        }
    }
}
