namespace Kiln.Providers.Azure.Publishing;

/// <summary>The page-blob operations a publication needs from the Blob service (a seam: the publisher's tests replace it, the system test uses azurite).</summary>
public interface IBlobStore : IDisposable
{
    /// <summary>The blob's URL (what Azure's image creation reads).</summary>
    Uri BlobUri(string container, string blob);

    /// <summary>Whether the container exists (false when it does not); a refusal of the credentials is an error.</summary>
    Task<bool> ContainerExistsAsync(string container, CancellationToken cancellationToken);

    Task<bool> BlobExistsAsync(string container, string blob, CancellationToken cancellationToken);

    Task CreatePageBlobAsync(string container, string blob, long size, CancellationToken cancellationToken);

    Task PutPagesAsync(string container, string blob, long offset, ReadOnlyMemory<byte> pages, CancellationToken cancellationToken);

    /// <summary>Deletes the blob; one that is gone is no error.</summary>
    Task DeleteBlobAsync(string container, string blob, CancellationToken cancellationToken);
}
