using System.Security.Claims;
using Kiosk.Fleet;
using Kiosk.Fleet.Accounts;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.Fleet.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kiosk.Console.Tests.Accounts;

/// <summary>The server-side role check behind every console action, against the fleet's real policies.</summary>
public sealed class ConsoleAccessTests : IAsyncLifetime
{
    private WebApplication _app = null!;

    public ValueTask InitializeAsync()
    {
        // Built, not started: the real service registrations and authorization policies.
        _app = FleetApp.Build(["--environment", "Development", "--contentRoot", FleetUnderTest.FleetOutput]);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(FleetRoles.Viewer, false)]
    [InlineData(FleetRoles.Operator, true)]
    [InlineData(FleetRoles.Admin, true)]
    public async Task CanOperate_ByRole(string role, bool expected)
    {
        var access = Access(User(role));

        Assert.Equal(expected, await access.CanOperateAsync());
    }

    [Fact]
    public async Task RequireOperator_Viewer_Refused()
    {
        var access = Access(User(FleetRoles.Viewer));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(access.RequireOperatorAsync);
    }

    [Fact]
    public async Task RequireOperator_Anonymous_Refused()
    {
        var access = Access(new ClaimsPrincipal(new ClaimsIdentity()));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(access.RequireOperatorAsync);
    }

    [Fact]
    public async Task RequireOperator_Operator_ReturnsTheUser()
    {
        var user = User(FleetRoles.Operator);

        Assert.Same(user, await Access(user).RequireOperatorAsync());
    }

    private ConsoleAccess Access(ClaimsPrincipal user) => new(new FixedUser(user), _app.Services.GetRequiredService<IAuthorizationService>());

    private static ClaimsPrincipal User(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, role + "@test.invalid"), new Claim(ClaimTypes.Role, role)], "test"));

    private sealed class FixedUser(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
