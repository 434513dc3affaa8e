using Kiln.Publishing;

namespace Kiln.Providers.Azure.Publishing;

/// <summary>Microsoft Azure: Blob Storage for the VHD, Resource Manager for the image; connects as Azure's CLI and SDKs do, and deletes what a killed publication left.</summary>
public sealed class AzureCloud : ICloud
{
    public string Name => AzureProvider.ProviderName;

    public IPublisher Connect(PublicationRecord record, CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(access);
        var target = AzureTarget.From(record.Target);
        var storage = StorageConnection.Resolve(target, access);
        var arm = target.CreatesImage ? ArmConnection.Resolve(target, access) : null;
        return new AzurePublisher(record, target, storage, new AzureBlobStorage(storage), arm, arm is null ? null : Manager(arm, access), access);
    }

    public async Task ReclaimAsync(CloudResource resource, CloudAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(access);
        switch (resource.Kind)
        {
            case "page-blob":
                // The account and endpoint the publication used, with this process's credentials.
                var recorded = access with
                {
                    Environment = name => name == "AZURE_STORAGE_ACCOUNT" ? resource["account"] : access.Environment(name),
                };
                var storage = StorageConnection.Resolve(new AzureTarget { StorageAccount = resource["account"] }, recorded) with { BlobEndpoint = new Uri(resource["blob_endpoint"]) };
                using (var blobs = new AzureBlobStorage(storage))
                {
                    await blobs.DeleteBlobAsync(resource["container"], resource["blob"], cancellationToken);
                }

                break;
            case "image":
                var environment = access with
                {
                    Environment = name => name switch
                    {
                        "AZURE_RESOURCE_MANAGER_ENDPOINT" => resource.Find("resource_manager"),
                        "AZURE_AUTHORITY_HOST" => resource.Find("authority"),
                        _ => access.Environment(name),
                    },
                };
                var arm = ArmConnection.Resolve(new AzureTarget { Subscription = resource["subscription"], ResourceGroup = resource["resource_group"] }, environment);
                using (var http = new HttpClient())
                {
                    var manager = new ResourceManagerClient(new ArmTokenSource(arm, http, access.Secrets), http, access.Timings, AzurePublisher.Retry(access));
                    await manager.DeleteAsync(ArmRequests.ImageUri(arm, resource["resource_group"], resource["name"]), cancellationToken);
                }

                break;
        }
    }

    private static ResourceManagerClient Manager(ArmConnection arm, CloudAccess access)
    {
        // One client for the publication's lifetime (the process's): token and Resource Manager calls share its connections.
        var http = new HttpClient();
        return new ResourceManagerClient(new ArmTokenSource(arm, http, access.Secrets), http, access.Timings, AzurePublisher.Retry(access));
    }
}
