using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Oracle.Publishing;

/// <summary>
/// The calls Kiln makes to OCI's Core Services API (version 20160918): CreateImage, GetImage, ListImages,
/// DeleteImage and GetWorkRequest, each signed with the API key. The one seam between Kiln and OCI's REST API.
/// </summary>
public sealed class OciComputeApi(HttpClient http, Uri endpoint, OciApiKey key, TimeProvider? clock = null) : IDisposable
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public Uri Endpoint { get; } = endpoint;

    /// <summary>CreateImage: the image (IMPORTING) and the work request that imports it.</summary>
    public async Task<(JObject Image, string? WorkRequestId)> CreateImageAsync(JObject details, CancellationToken cancellationToken)
    {
        var (body, headers) = await SendAsync(HttpMethod.Post, "images", details, cancellationToken);
        return ((JObject)body!, headers.TryGetValues("opc-work-request-id", out var ids) ? ids.FirstOrDefault() : null);
    }

    public async Task<JObject> GetImageAsync(string imageId, CancellationToken cancellationToken) =>
        (JObject)(await SendAsync(HttpMethod.Get, $"images/{Uri.EscapeDataString(imageId)}", null, cancellationToken)).Body!;

    public async Task<JArray> ListImagesAsync(string compartmentId, string displayName, CancellationToken cancellationToken) =>
        (JArray)(await SendAsync(HttpMethod.Get, $"images?compartmentId={Uri.EscapeDataString(compartmentId)}&displayName={Uri.EscapeDataString(displayName)}", null, cancellationToken)).Body!;

    public Task DeleteImageAsync(string imageId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"images/{Uri.EscapeDataString(imageId)}", null, cancellationToken);

    public async Task<JObject> GetWorkRequestAsync(string workRequestId, CancellationToken cancellationToken) =>
        (JObject)(await SendAsync(HttpMethod.Get, $"workRequests/{Uri.EscapeDataString(workRequestId)}", null, cancellationToken)).Body!;

    public void Dispose() => http.Dispose();

    private async Task<(JToken? Body, System.Net.Http.Headers.HttpResponseHeaders Headers)> SendAsync(HttpMethod method, string relative, JObject? body, CancellationToken cancellationToken)
    {
        var uri = new Uri(Endpoint.ToString().TrimEnd('/') + "/" + relative);
        var bytes = body is null ? null : Encoding.UTF8.GetBytes(body.ToString(Formatting.None));
        using var request = new HttpRequestMessage(method, uri);
        if (bytes is not null)
        {
            request.Content = new ByteArrayContent(bytes);
        }

        foreach (var (name, value) in OciRequestSignature.Headers(method.Method, uri, bytes, _clock.GetUtcNow(), key))
        {
            if (name is "content-type" or "content-length")
            {
                request.Content!.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Error(response.StatusCode, text, response.Headers.TryGetValues("opc-request-id", out var ids) ? ids.FirstOrDefault() : null);
        }

        return (text.Length == 0 || response.StatusCode == HttpStatusCode.NoContent ? null : JToken.Parse(text), response.Headers);
    }

    private static OciServiceException Error(HttpStatusCode status, string text, string? requestId)
    {
        try
        {
            var error = JObject.Parse(text);
            return new OciServiceException(status, (string?)error["code"] ?? status.ToString(), (string?)error["message"] ?? text, requestId);
        }
        catch (JsonException)
        {
            return new OciServiceException(status, status.ToString(), text.Length == 0 ? "no message" : text, requestId);
        }
    }
}
