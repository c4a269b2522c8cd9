using System.Text.Json;

namespace Kiosk.Fleet.Api;

/// <summary>Reads a request body as one JSON object; an empty body is <c>{}</c>; anything else is a 400 naming <c>body</c>.</summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static async Task<(JsonDocument? Document, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
        {
            return (JsonDocument.Parse("{}"), null);
        }

        try
        {
            var document = await JsonDocument.ParseAsync(request.Body, Options, cancellationToken).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return (null, "must be a JSON object");
            }

            return (document, null);
        }
        catch (JsonException e)
        {
            return (null, $"is not valid JSON ({e.Message})");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, "is too large");
        }
    }
}
