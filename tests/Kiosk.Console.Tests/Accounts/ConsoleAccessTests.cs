using System.Security.Claims;
using Kiosk.Fleet.Accounts;
using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.Fleet.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kiosk.Console.Tests.Accounts;

/// <summary>
/// The server-side role check behind every console action and the circuit's session check, against the
/// fleet's real policies and account store (the fleet started, SQLite).
/// </summary>
public sealed class ConsoleAccessTests(SharedServers servers) : FleetTestBase(servers, DatabaseProvider.Sqlite)
{
    [Theory]
    [InlineData(FleetRoles.Viewer, false)]
    [InlineData(FleetRoles.Operator, true)]
    [InlineData(FleetRoles.Admin, true)]
    public async Task CanOperate_ByRole(string role, bool expected)
    {
        var fleet = await StartFleetAsync();
        var (user, _) = await fleet.PrincipalAsync(role);

        Assert.Equal(expected, await Access(fleet, user).CanOperateAsync());
    }

    [Fact]
    public async Task RequireOperator_Viewer_Refused()
    {
        var fleet = await StartFleetAsync();
        var (user, _) = await fleet.PrincipalAsync(FleetRoles.Viewer);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(Access(fleet, user).RequireOperatorAsync);
    }

    [Fact]
    public async Task RequireOperator_Anonymous_Refused()
    {
        var fleet = await StartFleetAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(Access(fleet, new ClaimsPrincipal(new ClaimsIdentity())).RequireOperatorAsync);
    }

    [Fact]
    public async Task RequireOperator_Operator_ReturnsTheUser()
    {
        var fleet = await StartFleetAsync();
        var (user, _) = await fleet.PrincipalAsync(FleetRoles.Operator);

        Assert.Same(user, await Access(fleet, user).RequireOperatorAsync());
    }

    [Fact]
    public async Task RequireOperator_RoleRemovedDuringTheSession_Refused()
    {
        var fleet = await StartFleetAsync();
        var (user, email) = await fleet.PrincipalAsync(FleetRoles.Operator);
        await SetRoleAsync(fleet, email, FleetRoles.Viewer);

        // The circuit's claims still say operator (the page shows the buttons until the next session check)...
        Assert.True(await Access(fleet, user).CanOperateAsync());

        // ...but acting asks the account store.
        await Assert.ThrowsAsync<UnauthorizedAccessException>(Access(fleet, user).RequireOperatorAsync);
    }

    [Fact]
    public async Task SessionCheck_RoleChanged_SessionEnds()
    {
        var fleet = await StartFleetAsync();
        var (user, email) = await fleet.PrincipalAsync(FleetRoles.Operator);
        var (other, _) = await fleet.PrincipalAsync(FleetRoles.Operator);
        await using var scope = fleet.Services.CreateAsyncScope();
        var state = Assert.IsType<ConsoleAuthenticationState>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        Assert.True(await state.StillValidAsync(new AuthenticationState(user)));

        await SetRoleAsync(fleet, email, FleetRoles.Viewer);

        Assert.False(await state.StillValidAsync(new AuthenticationState(user)));
        Assert.True(await state.StillValidAsync(new AuthenticationState(other)));
        Assert.False(await state.StillValidAsync(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
    }

    private static async Task SetRoleAsync(FleetUnderTest fleet, string email, string role)
    {
        await using var scope = fleet.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SetRoleAsync(email, role));
    }

    private static ConsoleAccess Access(FleetUnderTest fleet, ClaimsPrincipal user) =>
        new(new FixedUser(user), fleet.Services.GetRequiredService<IAuthorizationService>(), fleet.Services.GetRequiredService<CurrentRoles>());

    private sealed class FixedUser(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
