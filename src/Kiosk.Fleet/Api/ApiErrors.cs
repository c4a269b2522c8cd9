using Microsoft.AspNetCore.Http.HttpResults;

namespace Kiosk.Fleet.Api;

/// <summary>Problem responses that name the offending field (RFC 9457 problem details; <c>errors</c> keyed by field).</summary>
internal static class ApiErrors
{
    public static ValidationProblem BadRequest(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: $"{field}: {message}");

    public static ProblemHttpResult NotFound(string field, string message) =>
        TypedResults.Problem(title: $"{field}: {message}", statusCode: StatusCodes.Status404NotFound, extensions: new Dictionary<string, object?> { ["field"] = field });

    public static ProblemHttpResult Conflict(string field, string message) =>
        TypedResults.Problem(title: $"{field}: {message}", statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["field"] = field });

    public static ProblemHttpResult Forbidden(string message) =>
        TypedResults.Problem(title: message, statusCode: StatusCodes.Status403Forbidden);
}
