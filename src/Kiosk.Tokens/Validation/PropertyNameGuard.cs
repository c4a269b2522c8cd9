using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Kiosk.Tokens.Validation;

/// <summary>
/// Detects a property name repeated within one JSON object, at any depth, comparing unescaped names
/// (so <c>"sub"</c> and <c>"\u0073ub"</c> collide). Attackers use duplicate claims to make two parsers
/// disagree; the kiosk refuses them instead of picking one.
/// </summary>
internal ref struct PropertyNameGuard
{
    /// <summary>Nesting levels the guard tracks; the reader's MaxDepth must not exceed it.</summary>
    public const int MaxDepth = 16;

    private readonly Span<byte> _names;
    private Frames _frames;
    private int _used;
    private int _depth;

    /// <param name="names">At least as long as the JSON text: every stored name is shorter than its encoding plus 2.</param>
    public PropertyNameGuard(Span<byte> names) => _names = names;

    public void EnterObject() => _frames[_depth++] = _used;

    public void ExitObject() => _used = _frames[--_depth];

    /// <summary>Records the reader's current property name; false if the current object already has it.</summary>
    public bool TryAdd(scoped ref Utf8JsonReader reader)
    {
        var slot = _names[(_used + 2)..];
        int length;
        if (reader.ValueIsEscaped)
        {
            length = reader.CopyString(slot);
        }
        else
        {
            reader.ValueSpan.CopyTo(slot);
            length = reader.ValueSpan.Length;
        }

        var name = slot[..length];
        var position = _frames[_depth - 1];
        while (position < _used)
        {
            var existing = _names[position] | (_names[position + 1] << 8);
            if (_names.Slice(position + 2, existing).SequenceEqual(name))
            {
                return false;
            }

            position += 2 + existing;
        }

        _names[_used] = (byte)length;
        _names[_used + 1] = (byte)(length >> 8);
        _used += 2 + length;
        return true;
    }
}

/// <summary>Start offset of each open object's names; inline so the guard holds no reference to the stack.</summary>
[InlineArray(PropertyNameGuard.MaxDepth + 1)]
internal struct Frames
{
    private int _first;
}
