namespace Kiosk.Fleet.Web.Kiosks;

/// <summary>
/// Marker type of the kiosk page's and the reports page's strings: <c>KioskText.resx</c> (English,
/// neutral) and <c>KioskText.zh-CN.resx</c>; their components take <c>IStringLocalizer&lt;KioskText&gt;</c>.
/// </summary>
public sealed class KioskText
{
    private KioskText()
    {
    }
}
