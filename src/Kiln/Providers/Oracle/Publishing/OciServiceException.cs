using System.Net;

namespace Kiln.Providers.Oracle.Publishing;

/// <summary>An error OCI's REST API answered: the HTTP status, OCI's code and message, and the opc-request-id support asks for.</summary>
public sealed class OciServiceException(HttpStatusCode status, string code, string message, string? requestId)
    : Exception($"{message} ({(int)status} {code}{(requestId is null ? string.Empty : $", opc-request-id {requestId}")})")
{
    public HttpStatusCode Status { get; } = status;

    public string Code { get; } = code;

    public string? RequestId { get; } = requestId;
}
