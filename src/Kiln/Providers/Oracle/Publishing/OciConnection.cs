using Amazon.Runtime;
using Kiln.Publishing;
using Kiln.Publishing.S3;

namespace Kiln.Providers.Oracle.Publishing;

/// <summary>
/// Where and as whom an oracle image is published: OCI's API key, region and Core Services endpoint
/// (OCI_CLI_ENDPOINT, else iaas.REGION.oraclecloud.com), the namespace and compartment, and for the upload Object
/// Storage's S3-compatible endpoint (NAMESPACE.compat.objectstorage.REGION.oraclecloud.com, or AWS_ENDPOINT_URL_S3)
/// with a customer secret key read as the AWS SDK reads S3 access keys.
/// </summary>
public sealed record OciConnection(OciApiKey Key, string Region, Uri CoreEndpoint, string Namespace, string Compartment, AWSCredentials S3Credentials, string S3CredentialSource, Uri S3Endpoint)
{
    public const string ApiVersion = "20160918";

    public static OciConnection Resolve(OracleTarget target, CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(access);
        var key = OciApiKey.Read(target.Profile, access);
        var region = target.Region ?? key.Region
            ?? throw new UserInputException($"no OCI region: set provider.region in the manifest, OCI_CLI_REGION, or region in {key.Source}");
        var namespaceName = target.Namespace
            ?? throw new UserInputException("provider.namespace is not set: the upload goes to the tenancy's Object Storage namespace (oci os ns get prints it); set it, or build with --no-publish");
        var (credentials, source) = AwsCredentialChain.Resolve(access, null, "no customer secret key for OCI's S3-compatible API: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to one (Console, User settings, Customer secret keys) or AWS_PROFILE, or build with --no-publish");
        return new OciConnection(key, region, CoreEndpointFor(access, region), namespaceName, target.Compartment ?? key.Tenancy, credentials, source, S3EndpointFor(access, namespaceName, region));
    }

    /// <summary>OCI_CLI_ENDPOINT (with or without the API version's path), else the region's Core Services endpoint.</summary>
    public static Uri CoreEndpointFor(CloudAccess access, string region)
    {
        ArgumentNullException.ThrowIfNull(access);
        var text = access.FirstVariable("OCI_CLI_ENDPOINT");
        if (text is null)
        {
            return new Uri($"https://iaas.{region}.oraclecloud.com/{ApiVersion}/");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UserInputException($"OCI_CLI_ENDPOINT is `{text}`, which is no http or https URL; set it to the Core Services endpoint or unset it");
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        return new Uri(uri, path.EndsWith("/" + ApiVersion, StringComparison.Ordinal) ? path + "/" : $"{path}/{ApiVersion}/");
    }

    public static Uri S3EndpointFor(CloudAccess access, string namespaceName, string region) =>
        AwsEndpoints.Override(access, "S3") ?? new Uri($"https://{namespaceName}.compat.objectstorage.{region}.oraclecloud.com");
}
