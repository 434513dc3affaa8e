using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Kiln.Publishing;
using Kiln.Publishing.S3;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Polly;

namespace Kiln.Providers.Oracle.Publishing;

/// <summary>
/// Publishes an oracle image: uploads the disk through Object Storage's S3-compatible API (read back and compared
/// when <c>verify</c> is set), creates the custom image from the object (CreateImage, its work request polled until
/// it succeeds, the image then AVAILABLE), then deletes the upload. Each thing it makes is journaled and undone if a
/// later step fails or the publication is interrupted.
/// </summary>
public sealed partial class OraclePublisher : IPublisher
{
    private readonly PublicationRecord _record;
    private readonly OracleTarget _target;
    private readonly OciConnection _connection;
    private readonly IAmazonS3 _s3;
    private readonly OciComputeApi _compute;
    private readonly CloudTimings _timings;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _s3Retry;
    private readonly ResiliencePipeline _ociRetry;

    public OraclePublisher(PublicationRecord record, OracleTarget target, OciConnection connection, IAmazonS3 s3, OciComputeApi compute, CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        _record = record;
        _target = target;
        _connection = connection;
        _s3 = s3;
        _compute = compute;
        _timings = access.Timings;
        _logger = access.LoggerFactory.CreateLogger("Kiln.Publishing.Oracle");
        _s3Retry = CloudRetry.Pipeline(_timings, AwsErrors.IsTransient, message => LogRetry(message));
        _ociRetry = CloudRetry.Pipeline(_timings, OciErrors.IsTransient, message => LogRetry(message));
    }

    private string Bucket => _target.Bucket ?? throw new UserInputException("provider.bucket (or bootstrap-vz's provider.container) is not set: OCI imports an image from an Object Storage bucket; set it in the manifest, or build with --no-publish");

    private string ObjectName => OciRequests.ObjectName(_record, _target);

    public IReadOnlyList<string> Describe(bool uploadOnly)
    {
        var steps = new List<string> { $"upload {_record.Image} to bucket {_target.Bucket ?? "(provider.bucket)"} as {ObjectName} (namespace {_connection.Namespace}, {_connection.Region}, S3-compatible API at {_connection.S3Endpoint})" };
        if (_target.Verify)
        {
            steps.Add("read the object back and compare its SHA-256 with the image's (verify)");
        }

        if (!uploadOnly)
        {
            steps.Add($"create the custom image {_record.Name} from it (CreateImage, {OciRequests.SourceImageType(_record)}, launch mode {OciRequests.LaunchMode}, compartment {_connection.Compartment}) at {_connection.CoreEndpoint} and wait for its work request");
            steps.Add("delete the uploaded object");
        }

        return steps;
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var bucket = Bucket;
        await S3CallAsync("S3 ListObjectsV2", ct => _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 1, Prefix = ObjectName }, ct), cancellationToken, checking: true);
        var found = await OciCallAsync("OCI ListImages", ct => _compute.ListImagesAsync(_connection.Compartment, _record.Name, ct), cancellationToken, checking: true);
        if (found.OfType<JObject>().FirstOrDefault(i => (string?)i["lifecycleState"] != "DELETED") is { } existing)
        {
            throw new UserInputException($"an image named {_record.Name} exists in {_connection.Region} already ({existing["id"]}); give the manifest another name (e.g. with {{%Y}}{{%m}}{{%d}}{{%H}}{{%M}}) or delete that image");
        }
    }

    public async Task<PublicationResult> PublishAsync(PublicationRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var bucket = Bucket;
        var name = ObjectName;
        var upload = run.Track(Resource("s3-object", ("bucket", bucket), ("key", name)), ct => S3Objects.DeleteAsync(_s3, bucket, name, ct));
        LogUploading(run.ImagePath, bucket, name);
        await S3CallAsync("S3 upload", async ct => { await new S3FileUpload(_s3, _s3Retry).UploadAsync(bucket, name, run.ImagePath, run.Progress, ct); return true; }, cancellationToken, retried: false);
        if (_target.Verify)
        {
            await VerifyAsync(run, bucket, name, cancellationToken);
        }

        if (run.UploadOnly)
        {
            return new PublicationResult(OracleProvider.ProviderName, [new PublishedItem("object", $"{_connection.Namespace}/{bucket}/{name}", _connection.Region)]);
        }

        // Journaled by name before the call: an image created just before a kill is still found and deleted.
        run.Track(Resource("image", ("name", _record.Name), ("compartment", _connection.Compartment)), ct => OracleCloud.DeleteImagesNamedAsync(_compute, _connection.Compartment, _record.Name, ct));
        var details = OciRequests.CreateImage(_record, _target, _connection.Compartment, _connection.Namespace, bucket);
        var (image, workRequestId) = await OciCallAsync("OCI CreateImage", ct => _compute.CreateImageAsync(details, ct), cancellationToken);
        var imageId = (string?)image["id"] ?? throw new KilnException("OCI CreateImage answered without an image id");
        if (workRequestId is not null)
        {
            await WaitForWorkRequestAsync(run, workRequestId, cancellationToken);
        }

        await WaitForAvailableAsync(imageId, cancellationToken);
        LogCreated(imageId, _connection.Region);
        await upload.ReleaseAsync(cancellationToken);
        return new PublicationResult(OracleProvider.ProviderName, [new PublishedItem("image", imageId, _connection.Region)]);
    }

    public void Dispose()
    {
        _s3.Dispose();
        _compute.Dispose();
    }

    private async Task VerifyAsync(PublicationRun run, string bucket, string name, CancellationToken cancellationToken)
    {
        byte[] local;
        await using (var file = File.OpenRead(run.ImagePath))
        {
            local = await SHA256.HashDataAsync(file, cancellationToken);
        }

        var remote = await S3CallAsync("S3 GetObject", async ct =>
        {
            using var response = await _s3.GetObjectAsync(bucket, name, ct);
            await using var stream = response.ResponseStream;
            return await SHA256.HashDataAsync(stream, ct);
        }, cancellationToken);
        if (!local.AsSpan().SequenceEqual(remote))
        {
            throw new KilnException($"the uploaded object {name} differs from {run.ImagePath} (SHA-256 {Convert.ToHexStringLower(remote)}, expected {Convert.ToHexStringLower(local)}); publish again");
        }

        run.Announce($"verified {name}: SHA-256 {Convert.ToHexStringLower(local)}");
    }

    private async Task WaitForWorkRequestAsync(PublicationRun run, string workRequestId, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + _timings.OperationTimeout;
        var lastProgress = string.Empty;
        while (true)
        {
            var request = await OciCallAsync("OCI GetWorkRequest", ct => _compute.GetWorkRequestAsync(workRequestId, ct), cancellationToken);
            var status = (string?)request["status"];
            switch (status)
            {
                case "SUCCEEDED":
                    return;
                case "FAILED" or "CANCELED" or "CANCELING":
                    throw new KilnException($"OCI could not import the image (work request {workRequestId} {status}); its errors: oci work-requests work-request-error list --work-request-id {workRequestId}");
            }

            var progress = $"{status} {request["percentComplete"]}%";
            if (progress != lastProgress)
            {
                run.Announce($"image import {workRequestId}: {progress}");
                lastProgress = progress;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new KilnException($"OCI's import {workRequestId} did not finish within {_timings.OperationTimeout.TotalMinutes:F0} minutes");
            }

            await Task.Delay(_timings.PollInterval, cancellationToken);
        }
    }

    private async Task WaitForAvailableAsync(string imageId, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + _timings.OperationTimeout;
        while (true)
        {
            var image = await OciCallAsync("OCI GetImage", ct => _compute.GetImageAsync(imageId, ct), cancellationToken);
            switch ((string?)image["lifecycleState"])
            {
                case "AVAILABLE":
                    return;
                case "DISABLED" or "DELETED":
                    throw new KilnException($"OCI's image {imageId} is {image["lifecycleState"]} after its import");
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new KilnException($"OCI's image {imageId} was not AVAILABLE within {_timings.OperationTimeout.TotalMinutes:F0} minutes");
            }

            await Task.Delay(_timings.PollInterval, cancellationToken);
        }
    }

    private async Task<T> S3CallAsync<T>(string call, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken, bool checking = false, bool retried = true)
    {
        LogCall(call);
        try
        {
            return retried ? await _s3Retry.ExecuteAsync(async ct => await action(ct), cancellationToken) : await action(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not KilnException)
        {
            if (AwsErrors.IsRefusal(exception))
            {
                return ThrowFor<T>(new UserInputException($"OCI Object Storage refused the customer secret key from {_connection.S3CredentialSource}: {AwsErrors.Describe(call, exception)}; check it and its user's permissions", exception));
            }

            if (AwsErrors.IsUnreachable(exception))
            {
                return ThrowFor<T>(new UserInputException($"cannot reach {_connection.S3Endpoint}: {AwsErrors.Describe(call, exception)}; check the network, provider.namespace and provider.region (or AWS_ENDPOINT_URL_S3)", exception));
            }

            if (exception is AmazonS3Exception { ErrorCode: "NoSuchBucket" })
            {
                return ThrowFor<T>(new UserInputException($"the bucket {_target.Bucket} does not exist in namespace {_connection.Namespace} ({_connection.Region}); create it (oci os bucket create) or set provider.bucket to another one", exception));
            }

            var message = AwsErrors.Describe(call, exception);
            return ThrowFor<T>(checking ? new UserInputException(message + "; nothing was built", exception) : new KilnException(message, exception));
        }
    }

    private async Task<T> OciCallAsync<T>(string call, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken, bool checking = false)
    {
        LogCall(call);
        try
        {
            return await _ociRetry.ExecuteAsync(async ct => await action(ct), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not KilnException)
        {
            if (OciErrors.IsRefusal(exception))
            {
                return ThrowFor<T>(new UserInputException($"OCI refused the API key of {_connection.Key.Source}: {call}: {exception.Message}; check the key, its fingerprint and the user's policies", exception));
            }

            if (OciErrors.IsUnreachable(exception))
            {
                return ThrowFor<T>(new UserInputException($"cannot reach {_connection.CoreEndpoint}: {call}: {exception.Message}; check the network and the region (or OCI_CLI_ENDPOINT)", exception));
            }

            var message = $"{call}: {exception.Message}";
            return ThrowFor<T>(checking ? new UserInputException(message + "; nothing was built", exception) : new KilnException(message, exception));
        }
    }

    private static T ThrowFor<T>(KilnException exception) => throw exception;

    private CloudResource Resource(string kind, params (string Key, string Value)[] properties)
    {
        var values = properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        values["region"] = _connection.Region;
        values["namespace"] = _connection.Namespace;
        values["s3_endpoint"] = _connection.S3Endpoint.ToString();
        values["core_endpoint"] = _connection.CoreEndpoint.ToString();
        if (_target.Profile is { } profile)
        {
            values["profile"] = profile;
        }

        return new CloudResource(OracleProvider.ProviderName, kind, values);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "calling {Call}")]
    private partial void LogCall(string call);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OCI: {Message}")]
    private partial void LogRetry(string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "uploading {Image} to bucket {Bucket} as {Name}")]
    private partial void LogUploading(string image, string bucket, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "created the image {ImageId} in {Region}")]
    private partial void LogCreated(string imageId, string region);
}
