using System.Buffers.Binary;
using System.Device.I2c;
using Kiosk.Edge.Climate.Sensors;

namespace Kiosk.Edge.Climate.Simulation;

/// <summary>
/// What the simulated Sensirion chips share: 16-bit commands, a read frame of words each followed by
/// its CRC-8, a NACK on a read with nothing to send, and the faults of <see cref="SimulatedAir"/>.
/// </summary>
internal abstract class SensirionChip(I2cConnectionSettings settings, SimulatedAir air) : I2cDevice
{
    private readonly Lock _gate = new();
    private ushort[]? _pending;

    public override I2cConnectionSettings ConnectionSettings { get; } = settings;

    protected SimulatedAir Air { get; } = air;

    /// <summary>Every command the master sent, in order (tests).</summary>
    public List<ushort> Commands { get; } = [];

    public override byte ReadByte() => throw new IOException("Sensirion chips send whole words with CRC, not single bytes.");

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        EnsureAnswering();
        if (buffer.Length == 0)
        {
            return;
        }

        var command = buffer.Length == 1 ? buffer[0] : BinaryPrimitives.ReadUInt16BigEndian(buffer);
        lock (_gate)
        {
            Commands.Add(command);
            _pending = Execute(command, buffer.Length);
        }
    }

    public override void Read(Span<byte> buffer)
    {
        EnsureAnswering();
        ushort[] words;
        lock (_gate)
        {
            words = _pending ?? throw new IOException($"{GetType().Name}: no data to read (NACK).");
            _pending = null;
        }

        buffer.Clear();
        for (var i = 0; i < words.Length && 3 * i + 3 <= buffer.Length; i++)
        {
            var word = buffer.Slice(3 * i, 3);
            BinaryPrimitives.WriteUInt16BigEndian(word, words[i]);
            word[2] = SensirionCrc.Compute(word[..2]);
            if (Air.Fault == SimulatedSensorFault.CrcError)
            {
                word[2] ^= 0xA5;
            }
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    /// <summary>Runs a command (one byte for the SHT4x, else 16 bits); returns the words a following read gets, or null.</summary>
    protected abstract ushort[]? Execute(ushort command, int length);

    /// <summary>A physical value as an unsigned 16-bit raw word: raw = (value - offset) x 65535 / span, clamped.</summary>
    protected static ushort Raw(double value, double offset, double span) =>
        (ushort)Math.Clamp(Math.Round((value - offset) * 65535 / span), 0, 65535);

    private void EnsureAnswering()
    {
        if (Air.Fault == SimulatedSensorFault.NoAnswer)
        {
            throw new IOException($"{GetType().Name} did not acknowledge its address.");
        }
    }
}
