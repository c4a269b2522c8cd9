namespace Kiosk.Fleet.Web;

/// <summary>
/// Marker type of the shell's strings: <c>ConsoleText.resx</c> (English, neutral) and
/// <c>ConsoleText.zh-CN.resx</c>; components take <c>IStringLocalizer&lt;ConsoleText&gt;</c>.
/// </summary>
public sealed class ConsoleText
{
    private ConsoleText()
    {
    }
}
