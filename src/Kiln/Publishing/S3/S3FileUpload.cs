using Amazon.S3;
using Amazon.S3.Model;
using Kiln.Publishing;
using Polly;

namespace Kiln.Publishing.S3;

/// <summary>
/// Uploads a disk image to S3: one PutObject when it is small, else a multipart upload of 64 MiB parts, each retried
/// on its own, aborted if the upload fails. Payloads are signed whole, never with aws-chunked encoding: S3-compatible
/// stores (s3rver among them) keep the chunk signatures in the object otherwise, and the import reads a damaged disk.
/// </summary>
public sealed class S3FileUpload(IAmazonS3 s3, ResiliencePipeline retry)
{
    public const long PartSize = 64L << 20;

    public async Task UploadAsync(string bucket, string key, string path, IProgress<TransferProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var size = new FileInfo(path).Length;
        var what = $"s3://{bucket}/{key}";
        if (size <= PartSize)
        {
            await retry.ExecuteAsync(async ct => await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = path, UseChunkEncoding = false }, ct), cancellationToken);
            progress.Report(new TransferProgress(what, size, size));
            return;
        }

        var started = await retry.ExecuteAsync(async ct => await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key }, ct), cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            for (var (number, position) = (1, 0L); position < size; number++, position += PartSize)
            {
                var request = new UploadPartRequest
                {
                    BucketName = bucket,
                    Key = key,
                    UploadId = started.UploadId,
                    PartNumber = number,
                    FilePath = path,
                    FilePosition = position,
                    PartSize = Math.Min(PartSize, size - position),
                    UseChunkEncoding = false,
                };
                var uploaded = await retry.ExecuteAsync(async ct => await s3.UploadPartAsync(request, ct), cancellationToken);
                parts.Add(new PartETag(number, uploaded.ETag));
                progress.Report(new TransferProgress(what, Math.Min(size, position + PartSize), size));
            }

            await retry.ExecuteAsync(async ct => await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = started.UploadId, PartETags = parts }, ct), cancellationToken);
        }
        catch
        {
            // The parts cost storage until the upload is aborted; the abort must run even when the user interrupted.
            await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = started.UploadId }, CancellationToken.None);
            throw;
        }
    }
}
