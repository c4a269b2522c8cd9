using System.Buffers.Binary;

namespace Kiosk.Edge.Intercom;

/// <summary>
/// Just enough of RIFF/WAVE (16-bit PCM, what espeak-ng writes and what clips must be) to know a
/// file's duration and to apply the announcement's volume as a gain on the samples.
/// </summary>
internal static class WavFile
{
    /// <summary>Duration of a 16-bit PCM WAV; null when the file is not one.</summary>
    public static TimeSpan? TryGetDuration(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return TryParse(bytes, out var format) ? format.Duration : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes a copy of a 16-bit PCM WAV with every sample scaled by <paramref name="gain"/> (0..1); returns its duration.</summary>
    /// <exception cref="InvalidDataException">The source is not a 16-bit PCM WAV.</exception>
    public static TimeSpan CopyWithGain(string source, string destination, double gain)
    {
        var bytes = File.ReadAllBytes(source);
        if (!TryParse(bytes, out var format))
        {
            throw new InvalidDataException("not a 16-bit PCM WAV file");
        }

        var data = bytes.AsSpan(format.DataOffset, format.DataLength);
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            var sample = BinaryPrimitives.ReadInt16LittleEndian(data[i..]);
            var scaled = Math.Clamp((int)Math.Round(sample * gain), short.MinValue, short.MaxValue);
            BinaryPrimitives.WriteInt16LittleEndian(data[i..], (short)scaled);
        }

        File.WriteAllBytes(destination, bytes);
        return format.Duration;
    }

    private static bool TryParse(byte[] bytes, out Format format)
    {
        format = default;
        var span = bytes.AsSpan();
        if (span.Length < 12 || !span[..4].SequenceEqual("RIFF"u8) || !span[8..12].SequenceEqual("WAVE"u8))
        {
            return false;
        }

        int? byteRate = null;
        var pos = 12;
        while (pos + 8 <= span.Length)
        {
            var id = span.Slice(pos, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(span.Slice(pos + 4, 4));
            var body = pos + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > span.Length)
                {
                    return false;
                }

                var audioFormat = BinaryPrimitives.ReadUInt16LittleEndian(span.Slice(body, 2));
                var bits = BinaryPrimitives.ReadUInt16LittleEndian(span.Slice(body + 14, 2));
                if (audioFormat != 1 || bits != 16)
                {
                    return false;
                }

                byteRate = BinaryPrimitives.ReadInt32LittleEndian(span.Slice(body + 8, 4));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (byteRate is not > 0)
                {
                    return false;
                }

                // A streaming writer may leave the size unset (0 or 0xFFFFFFFF): the data runs to the end of the file.
                var length = (int)Math.Min(size is 0 or uint.MaxValue ? uint.MaxValue : size, (uint)(span.Length - body));
                format = new Format(body, length, TimeSpan.FromSeconds((double)length / byteRate.Value));
                return true;
            }

            pos = body + (int)Math.Min(size + (size & 1), int.MaxValue - body);
        }

        return false;
    }

    private readonly record struct Format(int DataOffset, int DataLength, TimeSpan Duration);
}
