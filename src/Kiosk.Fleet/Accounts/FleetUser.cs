using Microsoft.AspNetCore.Identity;

namespace Kiosk.Fleet.Accounts;

/// <summary>An operator, viewer or admin account (ASP.NET Core Identity). Its <c>Id</c> is the <c>sub</c> of the commands it signs.</summary>
public sealed class FleetUser : IdentityUser
{
}
