using Amazon;
using Amazon.Runtime;
using Kiln.Publishing;
using Kiln.Publishing.S3;

namespace Kiln.Providers.Ec2.Publishing;

/// <summary>
/// Credentials, region and endpoints for S3 and EC2, read as the AWS CLI and SDK read them: the manifest's
/// bootstrap-vz credentials first, then bootstrap-vz's AWS_ACCESS_KEY/AWS_SECRET_KEY, then the manifest's
/// profile, then the SDK's own chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, AWS_PROFILE,
/// ~/.aws/credentials and config, web identity, the instance's role). Endpoints: AWS_ENDPOINT_URL_S3,
/// AWS_ENDPOINT_URL_EC2, AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true.
/// </summary>
public sealed record AwsConnection(AWSCredentials Credentials, string CredentialSource, RegionEndpoint Region, Uri? S3Endpoint, Uri? Ec2Endpoint)
{
    public static AwsConnection Resolve(Ec2Target target, CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(access);
        var (credentials, source) = ResolveCredentials(target, access);
        var region = ResolveRegion(target, access);
        return new AwsConnection(credentials, source, region, Endpoint(access, "S3"), Endpoint(access, "EC2"));
    }

    /// <summary>The endpoint override of a service (<c>S3</c>, <c>EC2</c>), or null for AWS's own.</summary>
    public static Uri? Endpoint(CloudAccess access, string service) => AwsEndpoints.Override(access, service);

    private static (AWSCredentials Credentials, string Source) ResolveCredentials(Ec2Target target, CloudAccess access) =>
        AwsCredentialChain.Resolve(access, target.Profile, "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE, or provider.profile, or provider.credentials in the manifest), or build with --no-publish");

    private static RegionEndpoint ResolveRegion(Ec2Target target, CloudAccess access)
    {
        var name = target.Region ?? access.FirstVariable("AWS_REGION", "AWS_DEFAULT_REGION");
        if (name is not null)
        {
            return RegionEndpoint.GetBySystemName(name);
        }

        return FallbackRegionFactory.GetRegionEndpoint()
            ?? throw new UserInputException("no AWS region: set provider.region in the manifest, AWS_REGION, or a region in the AWS profile");
    }
}
