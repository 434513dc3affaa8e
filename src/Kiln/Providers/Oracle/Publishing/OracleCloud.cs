using Kiln.Publishing;
using Kiln.Publishing.S3;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Oracle.Publishing;

/// <summary>Oracle Cloud Infrastructure: connects as the OCI CLI does (and as the AWS SDK for the S3-compatible upload), and deletes what a killed publication left (objects, images).</summary>
public sealed class OracleCloud : ICloud
{
    public string Name => OracleProvider.ProviderName;

    public IPublisher Connect(PublicationRecord record, CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(access);
        var target = OracleTarget.From(record.Target);
        var connection = OciConnection.Resolve(target, access);
        return new OraclePublisher(record, target, connection, S3Client(connection), Compute(connection), access);
    }

    public async Task ReclaimAsync(CloudResource resource, CloudAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(access);
        // The region, namespace and endpoints the publication used, with this process's keys.
        var recorded = access with
        {
            Environment = name => name switch
            {
                "AWS_ENDPOINT_URL_S3" => resource.Find("s3_endpoint"),
                "OCI_CLI_ENDPOINT" => resource.Find("core_endpoint"),
                "AWS_ENDPOINT_URL" or "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS" => null,
                _ => access.Environment(name),
            },
        };
        var target = new OracleTarget { Region = resource.Find("region"), Namespace = resource.Find("namespace"), Profile = resource.Find("profile"), Compartment = resource.Find("compartment") };
        var connection = OciConnection.Resolve(target, recorded);
        switch (resource.Kind)
        {
            case "s3-object":
                using (var s3 = S3Client(connection))
                {
                    await S3Objects.DeleteAsync(s3, resource["bucket"], resource["key"], cancellationToken);
                }

                break;
            case "image":
                using (var compute = Compute(connection))
                {
                    await DeleteImagesNamedAsync(compute, resource["compartment"], resource["name"], cancellationToken);
                }

                break;
        }
    }

    /// <summary>Deletes every image of that name in the compartment that is not deleted already.</summary>
    internal static async Task DeleteImagesNamedAsync(OciComputeApi compute, string compartment, string name, CancellationToken cancellationToken)
    {
        var found = await compute.ListImagesAsync(compartment, name, cancellationToken);
        foreach (var image in found.OfType<JObject>().Where(i => (string?)i["lifecycleState"] is not "DELETED"))
        {
            try
            {
                await compute.DeleteImageAsync((string)image["id"]!, cancellationToken);
            }
            catch (OciServiceException exception) when (OciErrors.IsNotFound(exception))
            {
                // Gone already.
            }
        }
    }

    private static Amazon.S3.AmazonS3Client S3Client(OciConnection connection) =>
        S3Clients.Create(connection.S3Credentials, connection.Region, connection.S3Endpoint);

    private static OciComputeApi Compute(OciConnection connection) =>
        new(new HttpClient { Timeout = TimeSpan.FromMinutes(2) }, connection.CoreEndpoint, connection.Key);
}
