using System.Net;
using System.Net.Sockets;

namespace Kiln.Providers.Gce.Publishing;

/// <summary>What a Google API error means to Kiln: try again (429, 5xx, a dropped connection), the user's to fix (credentials, access), or gone.</summary>
public static class GoogleErrors
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        GoogleApiException api => (int)api.Status is 429 or >= 500 || api.Reason is "rateLimitExceeded" or "userRateLimitExceeded",
        HttpRequestException or IOException or SocketException => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };

    public static bool IsRefusal(Exception exception) =>
        exception is GoogleApiException { Status: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } or GoogleApiException { Reason: "invalid_grant" or "invalid_client" or "unauthorized_client" };

    public static bool IsNotFound(Exception exception) => exception is GoogleApiException { Status: HttpStatusCode.NotFound };

    public static bool IsUnreachable(Exception exception) =>
        exception is HttpRequestException or SocketException || exception.InnerException is HttpRequestException or SocketException;

    public static string Describe(string call, Exception exception) => exception switch
    {
        GoogleApiException api => $"{call}: {api.Message} ({(int)api.Status}{(api.Reason is null ? string.Empty : " " + api.Reason)})",
        _ => $"{call}: {exception.Message}",
    };
}
