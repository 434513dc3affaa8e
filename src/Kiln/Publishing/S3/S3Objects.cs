using Amazon.S3;

namespace Kiln.Publishing.S3;

/// <summary>Deletions of uploaded objects that an undo or <c>kiln clean</c> can repeat: an object that is gone is no error.</summary>
public static class S3Objects
{
    public static async Task DeleteAsync(IAmazonS3 s3, string bucket, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(s3);
        try
        {
            await s3.DeleteObjectAsync(bucket, key, cancellationToken);
        }
        catch (AmazonS3Exception exception) when (AwsErrors.IsNotFound(exception))
        {
            // Gone already.
        }
    }
}
