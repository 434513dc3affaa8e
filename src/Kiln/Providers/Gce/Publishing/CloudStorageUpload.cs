using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kiln.Publishing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Polly;

namespace Kiln.Providers.Gce.Publishing;

/// <summary>
/// Uploads a file to Cloud Storage with the JSON API's resumable upload: a session is started with the object's
/// metadata, then the file goes up in chunks (multiples of 256 KiB), each answered 308 with the bytes kept so far.
/// A chunk that fails for now is retried from what the session says it has (a <c>bytes */SIZE</c> status query).
/// </summary>
public sealed class CloudStorageUpload(GoogleApi api, GoogleEndpoints endpoints, ResiliencePipeline retry)
{
    /// <summary>Chunks must be multiples of 256 KiB, except the last.</summary>
    public const int ChunkSize = 64 * 256 * 1024;

    public const string ContentType = "application/gzip";

    public async Task UploadAsync(string bucket, string objectName, string path, IProgress<TransferProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var size = new FileInfo(path).Length;
        var what = $"gs://{bucket}/{objectName}";
        var session = await retry.ExecuteAsync(async ct => await StartAsync(bucket, objectName, size, ct), cancellationToken);
        await using var file = File.OpenRead(path);
        var buffer = new byte[ChunkSize];
        var offset = 0L;
        var resync = false;
        var done = false;
        while (!done)
        {
            (offset, done) = await retry.ExecuteAsync(async ct =>
            {
                try
                {
                    var from = resync ? await QueryAsync(session, size, ct) : (offset, false);
                    resync = false;
                    if (from.Item2)
                    {
                        return from;
                    }

                    var length = (int)Math.Min(ChunkSize, size - from.Item1);
                    file.Position = from.Item1;
                    await file.ReadExactlyAsync(buffer.AsMemory(0, length), ct);
                    return await SendAsync(session, buffer, from.Item1, length, size, ct);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    resync = true;
                    throw;
                }
            }, cancellationToken);
            progress.Report(new TransferProgress(what, done ? size : offset, size));
        }
    }

    private async Task<Uri> StartAsync(string bucket, string objectName, long size, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, GceRequests.StartUpload(endpoints, bucket, objectName))
        {
            Content = new StringContent(new JObject { ["name"] = objectName, ["contentType"] = ContentType }.ToString(Formatting.None), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Upload-Content-Type", ContentType);
        request.Headers.Add("X-Upload-Content-Length", size.ToString(CultureInfo.InvariantCulture));
        await api.AuthorizeAsync(request, endpoints.StorageNeedsCredentials, cancellationToken);
        using var response = await api.Http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw GoogleApiException.From(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }

        return response.Headers.Location ?? throw new GoogleApiException("Cloud Storage started the upload without a session URI (no Location header)");
    }

    /// <summary>Sends one chunk; returns the offset the session has reached and whether the object is complete.</summary>
    private async Task<(long Offset, bool Done)> SendAsync(Uri session, byte[] buffer, long offset, int length, long size, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, session) { Content = new ByteArrayContent(buffer, 0, length) };
        request.Content.Headers.ContentRange = size == 0 ? ContentRangeHeaderValue.Parse("bytes */0") : new ContentRangeHeaderValue(offset, offset + length - 1, size);
        return await AnswerAsync(request, cancellationToken);
    }

    private async Task<(long Offset, bool Done)> QueryAsync(Uri session, long size, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, session) { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentRange = ContentRangeHeaderValue.Parse($"bytes */{size.ToString(CultureInfo.InvariantCulture)}");
        return await AnswerAsync(request, cancellationToken);
    }

    private async Task<(long Offset, bool Done)> AnswerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The session URI is itself the upload's credential; Google's clients send the token along all the same.
        await api.AuthorizeAsync(request, endpoints.StorageNeedsCredentials, cancellationToken);
        using var response = await api.Http.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created)
        {
            return (0, true);
        }

        if ((int)response.StatusCode == 308)
        {
            // "Range: bytes=0-N": the first N+1 bytes are kept; no Range header: none are.
            var range = response.Headers.TryGetValues("Range", out var values) ? values.First() : null;
            var kept = range is null ? 0 : long.Parse(range[(range.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture) + 1;
            return (kept, false);
        }

        throw GoogleApiException.From(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
