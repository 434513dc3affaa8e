using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Kiln.Publishing;
using Kiln.Publishing.S3;
using Microsoft.Extensions.Logging;
using Polly;

namespace Kiln.Providers.Ec2.Publishing;

/// <summary>
/// Publishes an ec2 image: uploads the disk to S3, imports it as an EBS snapshot (ImportSnapshot, polled with
/// DescribeImportSnapshotTasks), registers the AMI, then deletes the upload. Each thing it makes is journaled and
/// undone if a later step fails or the publication is interrupted.
/// </summary>
public sealed partial class Ec2Publisher : IPublisher
{
    private readonly PublicationRecord _record;
    private readonly Ec2Target _target;
    private readonly AwsConnection _connection;
    private readonly IAmazonS3 _s3;
    private readonly IAmazonEC2 _ec2;
    private readonly CloudTimings _timings;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;

    public Ec2Publisher(PublicationRecord record, Ec2Target target, AwsConnection connection, IAmazonS3 s3, IAmazonEC2 ec2, CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        _record = record;
        _target = target;
        _connection = connection;
        _s3 = s3;
        _ec2 = ec2;
        _timings = access.Timings;
        _logger = access.LoggerFactory.CreateLogger("Kiln.Publishing.Ec2");
        _retry = CloudRetry.Pipeline(_timings, AwsErrors.IsTransient, message => LogRetry(message));
    }

    private string Bucket => _target.Bucket ?? throw new UserInputException("provider.bucket is not set: EC2 imports an image from an S3 bucket; set provider.bucket in the manifest, or build with --no-publish");

    private string Key => Ec2Requests.ObjectKey(_record, _target);

    public IReadOnlyList<string> Describe(bool uploadOnly)
    {
        var at = _connection.S3Endpoint is { } endpoint ? $" at {endpoint}" : string.Empty;
        var steps = new List<string> { $"upload {_record.Image} to s3://{_target.Bucket ?? "(provider.bucket)"}/{Key} ({_connection.Region.SystemName}{at})" };
        if (!uploadOnly)
        {
            var flags = _target.EnhancedNetworking ? ", ENA and SR-IOV" : string.Empty;
            steps.Add($"import it as an EBS snapshot (ImportSnapshot, {(_record.Format == "vmdk" ? "VMDK" : "RAW")}) and wait for the import");
            steps.Add($"register the AMI {_record.Name} ({(_record.Architecture == "arm64" ? "arm64" : "x86_64")}, boot mode {Ec2Requests.BootMode(_record.Firmware).Value}, {_target.VolumeType} root {Ec2Requests.RootDevice}{flags})");
            steps.Add("delete the uploaded object");
            if (_target.Publishing is { } publishing)
            {
                steps.AddRange(publishing.Regions.Select(region => $"copy the AMI to {region} (ec2_publish)"));
                if (publishing.Public)
                {
                    steps.Add("give every AMI the launch permission of group all (ec2_publish public)");
                }

                if (publishing.ManifestUrl is { } url)
                {
                    steps.Add($"write the AMIs by region as JSON to {url} (ec2_publish manifest_url)");
                }
            }

            if (_target.Launching is { } launching)
            {
                steps.Add($"launch a {launching.InstanceType} instance of the AMI and wait until it runs (ec2_launch){(launching.Terminate ? ", then terminate it" : string.Empty)}{(launching.DeregisterAmi ? ", then deregister the AMI" : string.Empty)}");
            }
        }

        return steps;
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var bucket = Bucket;
        await CallAsync("S3 ListObjectsV2", ct => _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 1, Prefix = Key }, ct), cancellationToken, checking: true);
        var found = await CallAsync("EC2 DescribeImages", ct => _ec2.DescribeImagesAsync(Ec2Requests.FindImage(_record.Name), ct), cancellationToken, checking: true);
        if (found.Images is [var existing, ..])
        {
            throw new UserInputException($"an AMI named {_record.Name} exists in {_connection.Region.SystemName} already ({existing.ImageId}); give the manifest another name (e.g. with {{%Y}}{{%m}}{{%d}}{{%H}}{{%M}}) or deregister that AMI");
        }
    }

    public async Task<PublicationResult> PublishAsync(PublicationRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var bucket = Bucket;
        var key = Key;
        var upload = run.Track(Resource("s3-object", ("bucket", bucket), ("key", key)), ct => S3Objects.DeleteAsync(_s3, bucket, key, ct));
        await UploadAsync(run, bucket, key, cancellationToken);
        var location = $"s3://{bucket}/{key}";
        if (run.UploadOnly)
        {
            return new PublicationResult(Ec2Provider.ProviderName, [new PublishedItem("object", location, _connection.Region.SystemName)]);
        }

        var import = await CallAsync("EC2 ImportSnapshot", ct => _ec2.ImportSnapshotAsync(Ec2Requests.ImportSnapshot(_record, _target, bucket, key), ct), cancellationToken);
        var taskId = import.ImportTaskId;
        run.Track(Resource("import-snapshot-task", ("id", taskId)), ct => Ec2Cloud.CancelImportAsync(_ec2, taskId, ct));
        var snapshotId = await WaitForImportAsync(run, taskId, cancellationToken);
        run.Track(Resource("snapshot", ("id", snapshotId)), ct => Ec2Cloud.DeleteSnapshotAsync(_ec2, snapshotId, ct));
        if (_record.Tags.Count > 0)
        {
            await CallAsync("EC2 CreateTags", ct => _ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [snapshotId], Tags = [.. _record.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Amazon.EC2.Model.Tag(t.Key, t.Value))] }, ct), cancellationToken);
        }

        // Journaled by name before the call: an AMI registered just before a kill is still found and deregistered.
        run.Track(Resource("image", ("name", _record.Name)), ct => Ec2Cloud.DeregisterByNameAsync(_ec2, _record.Name, ct));
        var registered = await CallAsync("EC2 RegisterImage", ct => _ec2.RegisterImageAsync(Ec2Requests.RegisterImage(_record, _target, snapshotId), ct), cancellationToken);
        LogRegistered(registered.ImageId, _connection.Region.SystemName);
        await upload.ReleaseAsync(cancellationToken);
        var items = new List<PublishedItem>
        {
            new("snapshot", snapshotId, _connection.Region.SystemName),
            new("image", registered.ImageId, _connection.Region.SystemName),
        };
        if (_target.Publishing is { } publishing)
        {
            items.AddRange(await PublishAmiAsync(run, registered.ImageId, publishing, cancellationToken));
        }

        if (_target.Launching is { } launching)
        {
            items.AddRange(await LaunchAsync(run, registered.ImageId, snapshotId, launching, cancellationToken));
        }

        return new PublicationResult(Ec2Provider.ProviderName, items);
    }

    public void Dispose()
    {
        _s3.Dispose();
        _ec2.Dispose();
        foreach (var client in _regionClients.Values)
        {
            client.Dispose();
        }
    }

    private async Task UploadAsync(PublicationRun run, string bucket, string key, CancellationToken cancellationToken)
    {
        LogUploading(run.ImagePath, bucket, key);
        try
        {
            await new S3FileUpload(_s3, _retry).UploadAsync(bucket, key, run.ImagePath, run.Progress, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not KilnException)
        {
            throw Explain("S3 upload", exception, checking: false);
        }
    }

    private async Task<string> WaitForImportAsync(PublicationRun run, string taskId, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + _timings.OperationTimeout;
        var lastProgress = string.Empty;
        while (true)
        {
            var described = await CallAsync("EC2 DescribeImportSnapshotTasks", ct => _ec2.DescribeImportSnapshotTasksAsync(new DescribeImportSnapshotTasksRequest { ImportTaskIds = [taskId] }, ct), cancellationToken);
            var detail = described.ImportSnapshotTasks?.FirstOrDefault()?.SnapshotTaskDetail
                ?? throw new KilnException($"EC2 DescribeImportSnapshotTasks knows no import task {taskId}");
            switch (detail.Status)
            {
                case "completed" when !string.IsNullOrEmpty(detail.SnapshotId):
                    return detail.SnapshotId;
                case "deleting" or "deleted" or "error":
                    throw new KilnException($"EC2 could not import the image as a snapshot ({taskId}): {detail.StatusMessage ?? detail.Status}");
            }

            var progress = $"{detail.Status} {detail.Progress}% {detail.StatusMessage}".Trim();
            if (progress != lastProgress)
            {
                run.Announce($"snapshot import {taskId}: {progress}");
                lastProgress = progress;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new KilnException($"EC2's import {taskId} did not finish within {_timings.OperationTimeout.TotalMinutes:F0} minutes");
            }

            await Task.Delay(_timings.PollInterval, cancellationToken);
        }
    }

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
        if (AwsErrors.IsRefusal(exception))
        {
            return new UserInputException($"AWS refused the credentials from {_connection.CredentialSource}: {AwsErrors.Describe(call, exception)}; check them and their permissions", exception);
        }

        if (AwsErrors.IsUnreachable(exception))
        {
            var endpoint = (call.StartsWith("S3", StringComparison.Ordinal) ? _connection.S3Endpoint : _connection.Ec2Endpoint)?.ToString() ?? $"AWS in {_connection.Region.SystemName}";
            return new UserInputException($"cannot reach {endpoint}: {AwsErrors.Describe(call, exception)}; check the network and the endpoint (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_EC2)", exception);
        }

        if (exception is AmazonS3Exception { ErrorCode: "NoSuchBucket" })
        {
            return new UserInputException($"the S3 bucket {_target.Bucket} does not exist in {_connection.Region.SystemName}; create it or set provider.bucket to another one", exception);
        }

        if (exception is AmazonEC2Exception { ErrorCode: "InvalidAMIName.Duplicate" })
        {
            return new UserInputException($"an AMI named {_record.Name} exists already: {AwsErrors.Describe(call, exception)}; give the manifest another name or deregister that AMI", exception);
        }

        var message = AwsErrors.Describe(call, exception);
        return checking ? new UserInputException(message + "; nothing was built", exception) : new KilnException(message, exception);
    }

    private CloudResource Resource(string kind, params (string Key, string Value)[] properties)
    {
        var values = properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        values["region"] = _connection.Region.SystemName;
        if (_connection.S3Endpoint is { } s3)
        {
            values["s3_endpoint"] = s3.ToString();
        }

        if (_connection.Ec2Endpoint is { } ec2)
        {
            values["ec2_endpoint"] = ec2.ToString();
        }

        if (_target.Profile is { } profile)
        {
            values["profile"] = profile;
        }

        return new CloudResource(Ec2Provider.ProviderName, kind, values);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "calling {Call}")]
    private partial void LogCall(string call);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWS: {Message}")]
    private partial void LogRetry(string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "uploading {Image} to s3://{Bucket}/{Key}")]
    private partial void LogUploading(string image, string bucket, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "registered {ImageId} in {Region}")]
    private partial void LogRegistered(string imageId, string region);
}
