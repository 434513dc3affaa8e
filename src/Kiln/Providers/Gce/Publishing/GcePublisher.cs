using Kiln.Publishing;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Polly;

namespace Kiln.Providers.Gce.Publishing;

/// <summary>
/// Publishes a gce image: uploads the tar.gz to Cloud Storage, creates the image from it with images.insert (and
/// waits for the operation), then deletes the upload. Each thing it makes is journaled and undone if a later step
/// fails or the publication is interrupted.
/// </summary>
public sealed partial class GcePublisher : IPublisher
{
    private readonly PublicationRecord _record;
    private readonly GceTarget _target;
    private readonly GoogleConnection _connection;
    private readonly GoogleApi _api;
    private readonly CloudTimings _timings;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;

    public GcePublisher(PublicationRecord record, GceTarget target, GoogleConnection connection, GoogleApi api, CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        _record = record;
        _target = target;
        _connection = connection;
        _api = api;
        _timings = access.Timings;
        _logger = access.LoggerFactory.CreateLogger("Kiln.Publishing.Gce");
        _retry = CloudRetry.Pipeline(_timings, GoogleErrors.IsTransient, message => LogRetry(message));
    }

    private GoogleEndpoints Endpoints => _connection.Endpoints;

    private string Bucket => _target.Bucket ?? throw new UserInputException("provider.gcs_destination is not set: GCE creates images from an archive in Cloud Storage; set provider.gcs_destination (gs://BUCKET/PREFIX/) in the manifest, or build with --no-publish");

    private string ObjectName => GceRequests.ObjectName(_record, _target);

    public IReadOnlyList<string> Describe(bool uploadOnly)
    {
        var at = Endpoints.IsDefault ? string.Empty : $" at {Endpoints.Storage}";
        var steps = new List<string> { $"upload {_record.Image} to gs://{_target.Bucket ?? "(provider.gcs_destination)"}/{ObjectName}{at}" };
        if (!uploadOnly)
        {
            var family = _target.Family is { } name ? $", family {name}" : string.Empty;
            steps.Add($"create the image {_record.Name} in project {_connection.Project} (images.insert, guest OS features {string.Join(", ", _target.GuestOsFeatures)}{family}) and wait for the operation");
            steps.Add("delete the uploaded object");
        }

        return steps;
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var bucket = Bucket;
        await CallAsync("Cloud Storage buckets.get", ct => _api.SendAsync(HttpMethod.Get, GceRequests.Bucket(Endpoints, bucket), null, Endpoints.StorageNeedsCredentials, ct), cancellationToken, checking: true);
        JObject? existing = null;
        try
        {
            existing = await CallAsync("Compute images.get", ct => _api.SendAsync(HttpMethod.Get, GceRequests.Image(Endpoints, _connection.Project, _record.Name), null, authorized: true, ct), cancellationToken, checking: true, expectNotFound: true);
        }
        catch (GoogleApiException exception) when (GoogleErrors.IsNotFound(exception))
        {
            // The name is free.
        }

        if (existing is not null)
        {
            throw new UserInputException($"an image named {_record.Name} exists in project {_connection.Project} already; give the manifest another name (e.g. with {{%Y}}{{%m}}{{%d}}{{%H}}{{%M}}) or delete that image");
        }
    }

    public async Task<PublicationResult> PublishAsync(PublicationRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var bucket = Bucket;
        var objectName = ObjectName;
        var upload = run.Track(Resource("gcs-object", ("bucket", bucket), ("object", objectName)), ct => GceCloud.DeleteObjectAsync(_api, Endpoints, bucket, objectName, ct));
        await UploadAsync(run, bucket, objectName, cancellationToken);
        var location = $"gs://{bucket}/{objectName}";
        if (run.UploadOnly)
        {
            return new PublicationResult(GceProvider.ProviderName, [new PublishedItem("object", location, _connection.Project)]);
        }

        // Journaled by name before the call: an image created just before a kill is still found and deleted.
        run.Track(Resource("image", ("name", _record.Name)), ct => GceCloud.DeleteImageAsync(_api, Endpoints, _connection.Project, _record.Name, _timings, ct));
        var insert = GceRequests.InsertImage(_record, _target, bucket, objectName);
        var operation = await CallAsync("Compute images.insert", ct => _api.SendAsync(HttpMethod.Post, GceRequests.Images(Endpoints, _connection.Project), insert, authorized: true, ct), cancellationToken);
        await GceCloud.WaitForOperationAsync(_api, Endpoints, _connection.Project, operation, _timings, run.Announce, (call, action, ct) => CallAsync(call, action, ct), cancellationToken);
        var image = await CallAsync("Compute images.get", ct => _api.SendAsync(HttpMethod.Get, GceRequests.Image(Endpoints, _connection.Project, _record.Name), null, authorized: true, ct), cancellationToken);
        LogCreated(_record.Name, _connection.Project);
        await upload.ReleaseAsync(cancellationToken);
        return new PublicationResult(GceProvider.ProviderName,
        [
            new PublishedItem("image", (string?)image["id"] ?? _record.Name, (string?)image["selfLink"] ?? GceRequests.Image(Endpoints, _connection.Project, _record.Name).ToString()),
        ]);
    }

    public void Dispose() => _api.Dispose();

    private async Task UploadAsync(PublicationRun run, string bucket, string objectName, CancellationToken cancellationToken)
    {
        LogUploading(run.ImagePath, bucket, objectName);
        try
        {
            await new CloudStorageUpload(_api, Endpoints, _retry).UploadAsync(bucket, objectName, run.ImagePath, run.Progress, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not KilnException)
        {
            throw Explain("Cloud Storage upload", exception, checking: false);
        }
    }

    private async Task<JObject> CallAsync(string call, Func<CancellationToken, Task<JObject>> action, CancellationToken cancellationToken, bool checking = false, bool expectNotFound = false)
    {
        LogCall(call);
        try
        {
            return await _retry.ExecuteAsync(async ct => await action(ct), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not KilnException && !(expectNotFound && GoogleErrors.IsNotFound(exception)))
        {
            throw Explain(call, exception, checking);
        }
    }

    private KilnException Explain(string call, Exception exception, bool checking)
    {
        if (GoogleErrors.IsRefusal(exception))
        {
            return new UserInputException($"Google refused the credentials from {_connection.CredentialSource}: {GoogleErrors.Describe(call, exception)}; check them and their roles in project {_connection.Project}", exception);
        }

        if (GoogleErrors.IsUnreachable(exception))
        {
            var endpoint = call.StartsWith("Cloud Storage", StringComparison.Ordinal) ? Endpoints.Storage : Endpoints.Compute;
            return new UserInputException($"cannot reach {endpoint}: {GoogleErrors.Describe(call, exception)}; check the network and the endpoint (CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE, CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE, STORAGE_EMULATOR_HOST)", exception);
        }

        if (call == "Cloud Storage buckets.get" && GoogleErrors.IsNotFound(exception))
        {
            return new UserInputException($"the Cloud Storage bucket {_target.Bucket} does not exist; create it (gcloud storage buckets create gs://{_target.Bucket}) or set provider.gcs_destination to another one", exception);
        }

        if (exception is GoogleApiException { Reason: "alreadyExists" })
        {
            return new UserInputException($"an image named {_record.Name} exists already: {GoogleErrors.Describe(call, exception)}; give the manifest another name or delete that image", exception);
        }

        var message = GoogleErrors.Describe(call, exception);
        return checking ? new UserInputException(message + "; nothing was built", exception) : new KilnException(message, exception);
    }

    private CloudResource Resource(string kind, params (string Key, string Value)[] properties)
    {
        var values = properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        values["project"] = _connection.Project;
        values["compute_endpoint"] = Endpoints.Compute.ToString();
        values["storage_endpoint"] = Endpoints.Storage.ToString();
        values["storage_credentials"] = Endpoints.StorageNeedsCredentials ? "yes" : "no";
        return new CloudResource(GceProvider.ProviderName, kind, values);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "calling {Call}")]
    private partial void LogCall(string call);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Google: {Message}")]
    private partial void LogRetry(string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "uploading {Image} to gs://{Bucket}/{ObjectName}")]
    private partial void LogUploading(string image, string bucket, string objectName);

    [LoggerMessage(Level = LogLevel.Information, Message = "created the image {Name} in project {Project}")]
    private partial void LogCreated(string name, string project);
}
