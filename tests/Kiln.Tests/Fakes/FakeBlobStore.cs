using System.Net;
using Kiln.Providers.Azure.Publishing;

namespace Kiln.Tests.Fakes;

/// <summary>A Blob service in memory for the publisher's tests: containers, page blobs with their bytes, every call recorded, failures on request.</summary>
public sealed class FakeBlobStore : IBlobStore
{
    private readonly Lock _lock = new();
    private readonly Queue<AzureHttpException> _failures = new();

    public HashSet<string> Containers { get; } = new(StringComparer.Ordinal) { "vhds" };

    public Dictionary<string, byte[]> Blobs { get; } = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    /// <summary>The next Put Page fails with this status and code (e.g. 503 ServerBusy).</summary>
    public void FailNextPage(HttpStatusCode status, string code) => _failures.Enqueue(new AzureHttpException(status, code, $"injected {code}"));

    public Uri BlobUri(string container, string blob) => new($"https://kilntest.blob.core.windows.net/{container}/{blob}");

    public Task<bool> ContainerExistsAsync(string container, CancellationToken cancellationToken) => Record($"container? {container}", Containers.Contains(container));

    public Task<bool> BlobExistsAsync(string container, string blob, CancellationToken cancellationToken) => Record($"blob? {container}/{blob}", Blobs.ContainsKey($"{container}/{blob}"));

    public Task CreatePageBlobAsync(string container, string blob, long size, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Blobs[$"{container}/{blob}"] = new byte[size];
        }

        return Record($"create {container}/{blob} {size}", true);
    }

    public Task PutPagesAsync(string container, string blob, long offset, ReadOnlyMemory<byte> pages, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Calls.Add($"pages {offset}+{pages.Length}");
            if (_failures.TryDequeue(out var failure))
            {
                throw failure;
            }

            pages.Span.CopyTo(Blobs[$"{container}/{blob}"].AsSpan((int)offset));
        }

        return Task.CompletedTask;
    }

    public Task DeleteBlobAsync(string container, string blob, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Blobs.Remove($"{container}/{blob}");
        }

        return Record($"delete {container}/{blob}", true);
    }

    public void Dispose()
    {
    }

    private Task<bool> Record(string call, bool result)
    {
        lock (_lock)
        {
            Calls.Add(call);
        }

        return Task.FromResult(result);
    }
}
