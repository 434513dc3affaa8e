using Kiln.Publishing;
using Polly;

namespace Kiln.Providers.Azure.Publishing;

/// <summary>
/// Uploads a fixed VHD as a page blob: Put Blob makes an empty blob of the file's size (unwritten pages read as
/// zeros), then Put Page writes each 4 MiB stretch that holds data, trimmed to its first and last non-zero 512-byte
/// page; stretches of zeros (most of a fresh disk) are not sent. Each write is retried on its own.
/// </summary>
public sealed class PageBlobUpload(IBlobStore store, ResiliencePipeline retry)
{
    /// <summary>What was sent: the bytes written and the bytes skipped as zeros.</summary>
    public sealed record Summary(long Written, long Skipped, int Requests);

    public async Task<Summary> UploadAsync(string path, string container, string blob, IProgress<TransferProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var size = file.Length;
        if (size % BlobRequests.PageSize != 0)
        {
            throw new UserInputException($"{path} is {size} bytes, not a whole number of 512-byte pages; a page blob (and a VHD) must be; build the image again");
        }

        await retry.ExecuteAsync(async ct => await store.CreatePageBlobAsync(container, blob, size, ct), cancellationToken);
        var buffer = new byte[BlobRequests.MaxPageWrite];
        var what = $"{container}/{blob}";
        var (written, requests) = (0L, 0);
        for (var offset = 0L; offset < size; offset += buffer.Length)
        {
            var length = (int)Math.Min(buffer.Length, size - offset);
            await file.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken);
            if (DataRange(buffer.AsSpan(0, length)) is var (start, count) && count > 0)
            {
                var pages = buffer.AsMemory(start, count);
                var at = offset + start;
                await retry.ExecuteAsync(async ct => await store.PutPagesAsync(container, blob, at, pages, ct), cancellationToken);
                written += count;
                requests++;
            }

            progress.Report(new TransferProgress(what, offset + length, size));
        }

        return new Summary(written, size - written, requests);
    }

    /// <summary>The stretch from the first to the last 512-byte page that is not all zeros, or (0, 0) when every page is.</summary>
    public static (int Start, int Count) DataRange(ReadOnlySpan<byte> pages)
    {
        var first = pages.IndexOfAnyExcept((byte)0);
        if (first < 0)
        {
            return (0, 0);
        }

        var last = pages.LastIndexOfAnyExcept((byte)0);
        var start = first / BlobRequests.PageSize * BlobRequests.PageSize;
        var end = Math.Min(pages.Length, ((last / BlobRequests.PageSize) + 1) * BlobRequests.PageSize);
        return (start, end - start);
    }
}
