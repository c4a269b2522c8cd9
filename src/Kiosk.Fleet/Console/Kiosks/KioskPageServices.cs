using Kiosk.Fleet.Web.Reports;

namespace Kiosk.Fleet.Web.Kiosks;

/// <summary>The services behind the kiosk page and the reports page.</summary>
internal static class KioskPageServices
{
    public static IServiceCollection AddKioskPages(this IServiceCollection services) =>
        services.AddSingleton<KioskPageData>().AddSingleton<ReportsData>();
}
