using System.Globalization;
using System.Net;
using System.Xml.Linq;

namespace Kiln.Providers.Azure.Publishing;

/// <summary>
/// The Blob service over its REST API: every request carries <c>x-ms-version</c> and <c>x-ms-date</c> and is signed
/// with the account key (Shared Key) or carries the SAS token; an error answer becomes an
/// <see cref="AzureHttpException"/> with the service's error code.
/// </summary>
public sealed class AzureBlobStorage(StorageConnection connection, HttpMessageHandler? handler = null) : IBlobStore
{
    private readonly HttpClient _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);

    public Uri BlobUri(string container, string blob) => BlobRequests.BlobUri(connection.BlobEndpoint, container, blob);

    public async Task<bool> ContainerExistsAsync(string container, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(BlobRequests.ContainerProperties(connection.BlobEndpoint, container), cancellationToken, allowNotFound: true);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    public async Task<bool> BlobExistsAsync(string container, string blob, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(BlobRequests.BlobProperties(BlobUri(container, blob)), cancellationToken, allowNotFound: true);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    public async Task CreatePageBlobAsync(string container, string blob, long size, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(BlobRequests.CreatePageBlob(BlobUri(container, blob), size), cancellationToken);
    }

    public async Task PutPagesAsync(string container, string blob, long offset, ReadOnlyMemory<byte> pages, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(BlobRequests.PutPage(BlobUri(container, blob), offset, pages), cancellationToken);
    }

    public async Task DeleteBlobAsync(string container, string blob, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(BlobRequests.DeleteBlob(BlobUri(container, blob)), cancellationToken, allowNotFound: true);
    }

    /// <summary>Signs and sends a request; an error answer (but 404 where allowed) throws with Azure's code and message.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, bool allowNotFound = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        using (request)
        {
            Authorize(request);
            var response = await _http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
            {
                return response;
            }

            using (response)
            {
                throw await ErrorOf(response, cancellationToken);
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private void Authorize(HttpRequestMessage request)
    {
        request.Headers.Add("x-ms-version", BlobRequests.Version);
        request.Headers.Add("x-ms-date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
        if (connection.AccountKey is { } key)
        {
            SharedKeySignature.Sign(request, connection.Account, key);
        }
        else if (connection.SasToken is { } sas)
        {
            var uri = request.RequestUri!;
            request.RequestUri = new Uri(uri.AbsoluteUri + (string.IsNullOrEmpty(uri.Query) ? "?" : "&") + sas);
        }
    }

    private static async Task<AzureHttpException> ErrorOf(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // The service names the error in a header (also for HEAD) and explains it in an XML body.
        var code = response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.FirstOrDefault() : null;
        var message = response.ReasonPhrase ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (body.TrimStart().StartsWith('<'))
        {
            try
            {
                var error = XDocument.Parse(body).Root;
                code ??= error?.Element("Code")?.Value;
                message = error?.Element("Message")?.Value.Split('\n')[0].Trim() ?? message;
            }
            catch (System.Xml.XmlException)
            {
                // Not Azure's error document; the status says enough.
            }
        }

        return new AzureHttpException(response.StatusCode, code, $"{message} ({code ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)})", response.Headers.RetryAfter?.Delta);
    }
}
