using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Kiln.Publishing;

namespace Kiln.Providers.Ec2.Publishing;

/// <summary>
/// What the ec2_publish and ec2_launch plugins add to a publication once the AMI is registered: copies in more
/// regions, public launch permissions and the JSON map of region to AMI (ec2_publish); an instance launched, waited
/// for, reported, and terminated or its AMI deregistered when asked (ec2_launch). Everything made is journaled.
/// </summary>
public sealed partial class Ec2Publisher
{
    private readonly Dictionary<string, IAmazonEC2> _regionClients = new(StringComparer.Ordinal);

    private async Task<IReadOnlyList<PublishedItem>> PublishAmiAsync(PublicationRun run, string imageId, AmiPublishing publishing, CancellationToken cancellationToken)
    {
        var home = _connection.Region.SystemName;
        var amis = new Dictionary<string, string>(StringComparer.Ordinal) { [home] = imageId };
        var items = new List<PublishedItem>();
        foreach (var region in publishing.Regions.Where(r => r != home))
        {
            var ec2 = ClientIn(region);
            // Journaled by name in its region before the call, as the registered AMI is.
            var copied = Resource("image", ("name", _record.Name));
            run.Track(copied with { Properties = WithRegion(copied, region) }, ct => Ec2Cloud.DeregisterByNameAsync(ec2, _record.Name, ct));
            var copy = await CallAsync($"EC2 CopyImage ({region})", ct => ec2.CopyImageAsync(Ec2Requests.CopyImage(_record, home, imageId), ct), cancellationToken);
            amis[region] = copy.ImageId;
            items.Add(new PublishedItem("image", copy.ImageId, region));
        }

        if (publishing.Public)
        {
            foreach (var (region, ami) in amis.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                var ec2 = region == home ? _ec2 : ClientIn(region);
                await WaitForImageAsync(run, ec2, region, ami, cancellationToken);
                await CallAsync($"EC2 ModifyImageAttribute ({region})", ct => ec2.ModifyImageAttributeAsync(Ec2Requests.MakePublic(ami), ct), cancellationToken);
                run.Announce($"{ami} ({region}) is public");
            }
        }

        if (publishing.ManifestUrl is { } url)
        {
            items.Add(await WriteAmiManifestAsync(url, Ec2Requests.AmiManifest(amis), cancellationToken));
        }

        return items;
    }

    private async Task<PublishedItem> WriteAmiManifestAsync(string url, string json, CancellationToken cancellationToken)
    {
        if (!url.StartsWith("s3://", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(url)!);
            await File.WriteAllTextAsync(url, json, cancellationToken);
            return new PublishedItem("manifest", url, "local");
        }

        var parts = url["s3://".Length..].Split('/', 2);
        var request = new PutObjectRequest { BucketName = parts[0], Key = parts[1], ContentBody = json, ContentType = "application/json", CannedACL = S3CannedACL.PublicRead, UseChunkEncoding = false };
        await CallAsync("S3 PutObject (ec2_publish manifest)", ct => _s3.PutObjectAsync(request, ct), cancellationToken);
        return new PublishedItem("manifest", url, _connection.Region.SystemName);
    }

    private async Task<IReadOnlyList<PublishedItem>> LaunchAsync(PublicationRun run, string imageId, string snapshotId, InstanceLaunching launching, CancellationToken cancellationToken)
    {
        var region = _connection.Region.SystemName;
        var started = await CallAsync("EC2 RunInstances", ct => _ec2.RunInstancesAsync(Ec2Requests.RunInstance(imageId, launching), ct), cancellationToken);
        var instanceId = started.Reservation?.Instances?.FirstOrDefault()?.InstanceId ?? throw new KilnException("EC2 RunInstances answered without an instance");
        run.Track(Resource("instance", ("id", instanceId)), ct => Ec2Cloud.TerminateAsync(_ec2, instanceId, ct));
        var instance = await WaitForRunningAsync(run, instanceId, cancellationToken);
        run.Announce($"instance {instanceId} ({launching.InstanceType}) is running in {region}: public IP {instance.PublicIpAddress ?? "none"}, private IP {instance.PrivateIpAddress ?? "none"}");
        if (launching.PublicIpFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, (instance.PublicIpAddress ?? string.Empty) + "\n", cancellationToken);
        }

        if (launching.DeregisterAmi)
        {
            await CallAsync("EC2 DeregisterImage", ct => _ec2.DeregisterImageAsync(new DeregisterImageRequest { ImageId = imageId }, ct), cancellationToken);
            await CallAsync("EC2 DeleteSnapshot", ct => _ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshotId }, ct), cancellationToken);
            run.Announce($"deregistered {imageId} and deleted {snapshotId} (deregister_ami); {instanceId} keeps running");
        }

        if (launching.Terminate)
        {
            await CallAsync("EC2 TerminateInstances", ct => _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId] }, ct), cancellationToken);
            run.Announce($"terminated {instanceId} (terminate)");
            return [];
        }

        return [new PublishedItem("instance", instanceId, region)];
    }

    private async Task<Instance> WaitForRunningAsync(PublicationRun run, string instanceId, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + _timings.OperationTimeout;
        var last = string.Empty;
        while (true)
        {
            var described = await CallAsync("EC2 DescribeInstances", ct => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] }, ct), cancellationToken);
            var instance = described.Reservations?.SelectMany(r => r.Instances ?? []).FirstOrDefault(i => i.InstanceId == instanceId);
            var state = instance?.State?.Name?.Value ?? "unknown";
            if (state == "running")
            {
                return instance!;
            }

            if (state is "shutting-down" or "terminated" or "stopping" or "stopped")
            {
                throw new KilnException($"the instance {instanceId} of the new AMI is {state} instead of running: {instance?.StateReason?.Message ?? "EC2 gave no reason"}");
            }

            if (state != last)
            {
                run.Announce($"instance {instanceId}: {state}");
                last = state;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new KilnException($"the instance {instanceId} was not running within {_timings.OperationTimeout.TotalMinutes:F0} minutes");
            }

            await Task.Delay(_timings.PollInterval, cancellationToken);
        }
    }

    private async Task WaitForImageAsync(PublicationRun run, IAmazonEC2 ec2, string region, string imageId, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + _timings.OperationTimeout;
        while (true)
        {
            var described = await CallAsync($"EC2 DescribeImages ({region})", ct => ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] }, ct), cancellationToken);
            var state = described.Images?.FirstOrDefault()?.State?.Value ?? "unknown";
            if (state == "available")
            {
                return;
            }

            if (state is "failed" or "error" or "invalid" or "deregistered")
            {
                throw new KilnException($"the AMI {imageId} in {region} is {state}");
            }

            run.Announce($"{imageId} ({region}): {state}");
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new KilnException($"the AMI {imageId} in {region} was not available within {_timings.OperationTimeout.TotalMinutes:F0} minutes");
            }

            await Task.Delay(_timings.PollInterval, cancellationToken);
        }
    }

    private IAmazonEC2 ClientIn(string region)
    {
        if (!_regionClients.TryGetValue(region, out var client))
        {
            _regionClients[region] = client = AwsClients.Ec2(_connection with { Region = RegionEndpoint.GetBySystemName(region) });
        }

        return client;
    }

    private static Dictionary<string, string> WithRegion(CloudResource resource, string region) =>
        new(resource.Properties, StringComparer.Ordinal) { ["region"] = region };
}
