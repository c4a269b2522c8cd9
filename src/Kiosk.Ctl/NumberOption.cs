using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace Kiosk.Ctl;

/// <summary>Numeric options with a range: a value that is not a number, or out of range, is a usage error naming both.</summary>
internal static class NumberOption
{
    public static Option<T> InRange<T>(this Option<T> option, T min, T max, string what)
        where T : struct, INumber<T>
    {
        option.CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError($"{option.Name}: '{text}' is not {what}");
            return default;
        };
        return option;
    }
}
