namespace Kiosk.Fleet.Api;

/// <summary>
/// Identity's endpoint set includes self-service registration and password reset; here accounts are
/// created by an admin (<c>kiosk-fleet users add</c>), so those answer 404.
/// </summary>
internal static class IdentityEndpointFilter
{
    private static readonly HashSet<string> Refused = new(StringComparer.OrdinalIgnoreCase)
    {
        "/register", "/forgotPassword", "/resetPassword", "/resendConfirmationEmail",
    };

    public static ValueTask<object?> RefuseSelfService(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Refused.Contains(context.HttpContext.Request.Path.Value ?? "")
            ? ValueTask.FromResult<object?>(TypedResults.NotFound())
            : next(context);
}
