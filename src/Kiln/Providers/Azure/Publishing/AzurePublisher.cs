using Kiln.Publishing;
using Microsoft.Extensions.Logging;
using Polly;

namespace Kiln.Providers.Azure.Publishing;

/// <summary>
/// Publishes an azure image: uploads the fixed VHD as a page blob (only the pages that hold data), then, with a
/// resource group, creates a Microsoft.Compute image from it through Resource Manager and waits for the operation.
/// The blob stays (the image was made from it; delete it when the image is no longer needed). Each thing it makes is
/// journaled and undone if a later step fails or the publication is interrupted.
/// </summary>
public sealed partial class AzurePublisher : IPublisher
{
    private readonly PublicationRecord _record;
    private readonly AzureTarget _target;
    private readonly StorageConnection _storage;
    private readonly IBlobStore _blobs;
    private readonly ArmConnection? _arm;
    private readonly ResourceManagerClient? _manager;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;

    public AzurePublisher(PublicationRecord record, AzureTarget target, StorageConnection storage, IBlobStore blobs, ArmConnection? arm, ResourceManagerClient? manager, CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        _record = record;
        _target = target;
        _storage = storage;
        _blobs = blobs;
        _arm = arm;
        _manager = manager;
        _logger = access.LoggerFactory.CreateLogger("Kiln.Publishing.Azure");
        _retry = Retry(access);
    }

    public string BlobName => _target.BlobPrefix + _record.Image;

    /// <summary>Retries of Azure's calls, each logged, after the wait a throttled answer asks for.</summary>
    public static ResiliencePipeline Retry(CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var logger = access.LoggerFactory.CreateLogger("Kiln.Publishing.Azure");
        return CloudRetry.Pipeline(access.Timings, AzureErrors.IsTransient, message => LogRetry(logger, message), exception => (exception as AzureHttpException)?.RetryAfter);
    }

    public IReadOnlyList<string> Describe(bool uploadOnly)
    {
        var steps = new List<string> { $"upload {_record.Image} as the page blob {_target.Container}/{BlobName} of the storage account {_storage.Account} at {_storage.BlobEndpoint} (pages that hold data only)" };
        if (!uploadOnly && _target.CreatesImage)
        {
            steps.Add($"create the image {_record.Name} in {_target.ResourceGroup} ({_target.Location}, hyperVGeneration {AzureGeneration.HyperVName(_target.Generation)}, Linux, generalized) from the blob, and wait for it");
        }

        return steps;
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (_record.Format != "vhd")
        {
            throw new UserInputException($"Azure takes fixed VHDs, but {_record.Image} is {_record.Format}; build it with backing: vhd");
        }

        var exists = await CallAsync("Blob Get Container Properties", ct => _blobs.ContainerExistsAsync(_target.Container, ct), cancellationToken, checking: true);
        if (!exists)
        {
            throw new UserInputException($"the storage account {_storage.Account} has no container {_target.Container}; create it (az storage container create --name {_target.Container}) or set provider.container");
        }

        if (await CallAsync("Blob Get Blob Properties", ct => _blobs.BlobExistsAsync(_target.Container, BlobName, ct), cancellationToken, checking: true))
        {
            throw new UserInputException($"the blob {_target.Container}/{BlobName} exists already in {_storage.Account}; give the manifest another name (e.g. with {{%Y}}{{%m}}{{%d}}{{%H}}{{%M}}) or delete that blob");
        }

        if (_manager is not null)
        {
            var image = ImageUri();
            if (await CallAsync("ARM Get Image", ct => _manager.GetAsync(image, ct), cancellationToken, checking: true) is not null)
            {
                throw new UserInputException($"an image named {_record.Name} exists in the resource group {_target.ResourceGroup} already; give the manifest another name or delete that image");
            }
        }
    }

    public async Task<PublicationResult> PublishAsync(PublicationRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var blob = BlobName;
        var container = _target.Container;
        run.Track(Resource("page-blob", ("container", container), ("blob", blob)), ct => _blobs.DeleteBlobAsync(container, blob, ct));
        LogUploading(run.ImagePath, container, blob, _storage.Account);
        var summary = await CallAsync("Blob upload", ct => new PageBlobUpload(_blobs, _retry).UploadAsync(run.ImagePath, container, blob, run.Progress, ct), cancellationToken);
        LogUploaded(summary.Written, summary.Skipped, summary.Requests);
        var blobUri = _blobs.BlobUri(container, blob);
        var items = new List<PublishedItem> { new("page blob", blobUri.AbsoluteUri, _storage.Account) };
        if (run.UploadOnly || _manager is null)
        {
            return new PublicationResult(AzureProvider.ProviderName, items);
        }

        var image = ImageUri();
        // Journaled by name before the call: an image created just before a kill is still found and deleted.
        run.Track(Resource("image", ("resource_group", _target.ResourceGroup!), ("name", _record.Name)), ct => _manager.DeleteAsync(image, ct));
        var body = ArmRequests.CreateImage(_record, _target, blobUri);
        var created = await CallAsync("ARM Create Image", ct => _manager.PutAsync(image, body, state => run.Announce($"image {_record.Name}: {state}"), ct), cancellationToken);
        var id = (string?)created["id"] ?? ArmRequests.ImageId(_arm!.Subscription, _target.ResourceGroup!, _record.Name);
        LogCreated(id);
        items.Add(new PublishedItem("image", id, _target.Location!));
        return new PublicationResult(AzureProvider.ProviderName, items);
    }

    public void Dispose()
    {
        _blobs.Dispose();
    }

    private Uri ImageUri() => ArmRequests.ImageUri(_arm!, _target.ResourceGroup!, _record.Name);

    private async Task<T> CallAsync<T>(string call, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken, bool checking = false)
    {
        LogCall(call);
        try
        {
            return await _retry.ExecuteAsync(async ct => await action(ct), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not KilnException)
        {
            throw Explain(call, exception, checking);
        }
    }

    private KilnException Explain(string call, Exception exception, bool checking)
    {
        var arm = call.StartsWith("ARM", StringComparison.Ordinal);
        if (AzureErrors.IsRefusal(exception))
        {
            var source = arm ? "AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET" : _storage.CredentialSource;
            return new UserInputException($"Azure refused the credentials from {source}: {AzureErrors.Describe(call, exception)}; check them and their permissions", exception);
        }

        if (AzureErrors.IsUnreachable(exception))
        {
            var endpoint = arm ? _arm?.ResourceManager.ToString() : _storage.BlobEndpoint.ToString();
            var variables = arm ? "AZURE_RESOURCE_MANAGER_ENDPOINT, AZURE_AUTHORITY_HOST" : "the connection string's BlobEndpoint";
            return new UserInputException($"cannot reach {endpoint}: {AzureErrors.Describe(call, exception)}; check the network and the endpoint ({variables})", exception);
        }

        if (exception is AzureHttpException { Code: "ResourceGroupNotFound" })
        {
            return new UserInputException($"the resource group {_target.ResourceGroup} does not exist in the subscription {_arm?.Subscription}; create it (az group create) or set provider.resource_group", exception);
        }

        var message = AzureErrors.Describe(call, exception);
        return checking ? new UserInputException(message + "; nothing was built", exception) : new KilnException(message, exception);
    }

    private CloudResource Resource(string kind, params (string Key, string Value)[] properties)
    {
        var values = properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        values["account"] = _storage.Account;
        values["blob_endpoint"] = _storage.BlobEndpoint.ToString();
        if (_arm is not null)
        {
            values["subscription"] = _arm.Subscription;
            values["resource_manager"] = _arm.ResourceManager.ToString();
            values["authority"] = _arm.Authority.ToString();
        }

        return new CloudResource(AzureProvider.ProviderName, kind, values);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "calling {Call}")]
    private partial void LogCall(string call);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure: {Message}")]
    private static partial void LogRetry(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "uploading {Image} to {Container}/{Blob} in the storage account {Account}")]
    private partial void LogUploading(string image, string container, string blob, string account);

    [LoggerMessage(Level = LogLevel.Information, Message = "uploaded {Written} bytes in {Requests} page writes; {Skipped} bytes of zeros were not sent")]
    private partial void LogUploaded(long written, long skipped, int requests);

    [LoggerMessage(Level = LogLevel.Information, Message = "created the image {Id}")]
    private partial void LogCreated(string id);
}
