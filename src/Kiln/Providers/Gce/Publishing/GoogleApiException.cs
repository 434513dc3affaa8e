using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Gce.Publishing;

/// <summary>An error a Google API answered with: the HTTP status, and the JSON error's message, status and first reason.</summary>
public sealed class GoogleApiException : Exception
{
    public GoogleApiException()
    {
    }

    public GoogleApiException(string message)
        : base(message)
    {
    }

    public GoogleApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GoogleApiException(HttpStatusCode status, string message, string? reason)
        : base(message)
    {
        Status = status;
        Reason = reason;
    }

    public HttpStatusCode Status { get; }

    /// <summary>The first <c>errors[].reason</c> (e.g. <c>alreadyExists</c>, <c>rateLimitExceeded</c>), or the OAuth error code.</summary>
    public string? Reason { get; }

    /// <summary>Reads Google's error document (<c>{"error": {"code", "message", "status", "errors": [{"reason"}]}}</c>, or OAuth's <c>{"error", "error_description"}</c>).</summary>
    public static GoogleApiException From(HttpStatusCode status, string body)
    {
        string? message = null;
        string? reason = null;
        try
        {
            var document = JObject.Parse(body);
            switch (document["error"])
            {
                case JObject error:
                    message = (string?)error["message"];
                    reason = (string?)error["errors"]?.FirstOrDefault()?["reason"] ?? (string?)error["status"];
                    break;
                case JValue { Type: JTokenType.String } code:
                    reason = (string?)code;
                    message = (string?)document["error_description"] ?? reason;
                    break;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page): the status says enough.
        }

        return new GoogleApiException(status, message ?? $"HTTP {(int)status} {status}", reason);
    }
}
