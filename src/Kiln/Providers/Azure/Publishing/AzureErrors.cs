using System.Net;
using System.Net.Sockets;

namespace Kiln.Providers.Azure.Publishing;

/// <summary>What an Azure error means to Kiln: try again (429 throttling, 5xx, a dropped connection), the user's to fix (credentials, access), or a failure.</summary>
public static class AzureErrors
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        AzureHttpException azure => azure.Status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)azure.Status >= 500,
        HttpRequestException or IOException or SocketException => true,
        _ => false,
    };

    public static bool IsRefusal(Exception exception) =>
        exception is AzureHttpException { Status: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden }
            or AzureHttpException { Code: "AuthenticationFailed" or "AuthorizationFailed" or "InvalidAuthenticationToken" or "ExpiredAuthenticationToken" or "invalid_client" or "unauthorized_client" or "invalid_request" };

    public static bool IsUnreachable(Exception exception) =>
        exception is HttpRequestException or SocketException || exception.InnerException is HttpRequestException or SocketException;

    public static string Describe(string call, Exception exception) => $"{call}: {exception.Message}";
}
