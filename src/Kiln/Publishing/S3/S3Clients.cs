using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Kiln.Publishing.S3;

/// <summary>
/// S3 clients for every store Kiln uploads to (Amazon S3, OCI Object Storage's S3-compatible API, s3rver): path-style
/// at an endpoint, SigV4 for the named region, no SDK retries (Polly decides), checksums only where S3 requires them.
/// </summary>
public static class S3Clients
{
    public static AmazonS3Client Create(AWSCredentials credentials, string region, Uri? endpoint)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var config = new AmazonS3Config
        {
            MaxErrorRetry = 0,
            // S3-compatible stores do not all read the flexible checksum trailers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region;
            config.ForcePathStyle = true;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return new AmazonS3Client(credentials, config);
    }
}
