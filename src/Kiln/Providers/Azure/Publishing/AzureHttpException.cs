using System.Net;

namespace Kiln.Providers.Azure.Publishing;

/// <summary>An error answer of an Azure service: its status, Azure's error code and message, and when to try again.</summary>
public sealed class AzureHttpException : Exception
{
    public AzureHttpException()
    {
    }

    public AzureHttpException(string message)
        : base(message)
    {
    }

    public AzureHttpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AzureHttpException(HttpStatusCode status, string? code, string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        Status = status;
        Code = code;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode Status { get; }

    public string? Code { get; }

    public TimeSpan? RetryAfter { get; }
}
