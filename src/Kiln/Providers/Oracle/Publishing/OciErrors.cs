using System.Net;
using System.Net.Sockets;

namespace Kiln.Providers.Oracle.Publishing;

/// <summary>What an OCI API error means to Kiln: try again (429, 5xx), the user's to fix (signature, permissions), or a failure.</summary>
public static class OciErrors
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        OciServiceException service => (int)service.Status is 429 or >= 500,
        HttpRequestException or IOException or SocketException => true,
        _ => false,
    };

    public static bool IsRefusal(Exception exception) =>
        exception is OciServiceException { Status: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden };

    public static bool IsNotFound(Exception exception) =>
        exception is OciServiceException { Status: HttpStatusCode.NotFound };

    public static bool IsUnreachable(Exception exception) =>
        exception is HttpRequestException or SocketException || exception.InnerException is HttpRequestException or SocketException;
}
