using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace Kiln.Publishing.S3;

/// <summary>What an AWS error means to Kiln: try again (throttling, 5xx), the user's to fix (credentials, access, endpoint), or a failure.</summary>
public static class AwsErrors
{
    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "RequestLimitExceeded", "Throttling", "ThrottlingException", "SlowDown", "RequestThrottled", "TooManyRequestsException",
        "InternalError", "InternalFailure", "ServiceUnavailable", "Unavailable",
    };

    private static readonly HashSet<string> Refused = new(StringComparer.Ordinal)
    {
        "AuthFailure", "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidClientTokenId", "UnrecognizedClientException",
        "AccessDenied", "UnauthorizedOperation", "ExpiredToken", "RequestExpired", "InvalidToken", "OptInRequired",
    };

    public static bool IsTransient(Exception exception) => exception switch
    {
        AmazonServiceException service => Throttling.Contains(service.ErrorCode ?? string.Empty) || (int)service.StatusCode is 429 or >= 500,
        HttpRequestException or IOException or SocketException => true,
        _ => false,
    };

    public static bool IsRefusal(Exception exception) =>
        exception is AmazonServiceException service && (Refused.Contains(service.ErrorCode ?? string.Empty) || service.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized);

    public static bool IsNotFound(Exception exception) =>
        exception is AmazonServiceException service && (service.StatusCode == HttpStatusCode.NotFound || (service.ErrorCode ?? string.Empty).EndsWith(".NotFound", StringComparison.Ordinal) || service.ErrorCode is "NoSuchKey" or "NoSuchBucket" or "NoSuchUpload");

    public static bool IsUnreachable(Exception exception) =>
        exception is HttpRequestException or SocketException || exception.InnerException is HttpRequestException or SocketException;

    /// <summary>One sentence for the user, naming the call, the code and AWS's message.</summary>
    public static string Describe(string call, Exception exception) => exception switch
    {
        AmazonServiceException service => $"{call}: {service.Message} ({service.ErrorCode ?? ((int)service.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)})",
        _ => $"{call}: {exception.Message}",
    };
}
