using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.S3;
using Kiln.Publishing;
using Kiln.Publishing.S3;

namespace Kiln.Providers.Ec2.Publishing;

/// <summary>Amazon EC2 with S3: connects as the AWS CLI does, and deletes what a killed publication left (objects, imports, snapshots, AMIs).</summary>
public sealed class Ec2Cloud : ICloud
{
    public string Name => Ec2Provider.ProviderName;

    public IPublisher Connect(PublicationRecord record, CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(access);
        var target = Ec2Target.From(record.Target);
        var connection = AwsConnection.Resolve(target, access);
        return new Ec2Publisher(record, target, connection, AwsClients.S3(connection), AwsClients.Ec2(connection), access);
    }

    public async Task ReclaimAsync(CloudResource resource, CloudAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(access);
        // The region and endpoints the publication used, with this process's credentials.
        var recorded = access with
        {
            Environment = name => name switch
            {
                "AWS_ENDPOINT_URL_S3" => resource.Find("s3_endpoint"),
                "AWS_ENDPOINT_URL_EC2" => resource.Find("ec2_endpoint"),
                "AWS_ENDPOINT_URL" or "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS" => null,
                _ => access.Environment(name),
            },
        };
        var connection = AwsConnection.Resolve(new Ec2Target { Region = resource.Find("region"), Profile = resource.Find("profile") }, recorded);
        using var s3 = AwsClients.S3(connection);
        using var ec2 = AwsClients.Ec2(connection);
        switch (resource.Kind)
        {
            case "s3-object":
                await S3Objects.DeleteAsync(s3, resource["bucket"], resource["key"], cancellationToken);
                break;
            case "import-snapshot-task":
                await CancelImportAsync(ec2, resource["id"], cancellationToken);
                break;
            case "snapshot":
                await DeleteSnapshotAsync(ec2, resource["id"], cancellationToken);
                break;
            case "image":
                await DeregisterByNameAsync(ec2, resource["name"], cancellationToken);
                break;
            case "instance":
                await TerminateAsync(ec2, resource["id"], cancellationToken);
                break;
        }
    }

    /// <summary>Cancels an import still running, and deletes the snapshot a finished one made.</summary>
    internal static async Task CancelImportAsync(IAmazonEC2 ec2, string taskId, CancellationToken cancellationToken)
    {
        var described = await ec2.DescribeImportSnapshotTasksAsync(new DescribeImportSnapshotTasksRequest { ImportTaskIds = [taskId] }, cancellationToken);
        var detail = described.ImportSnapshotTasks?.FirstOrDefault()?.SnapshotTaskDetail;
        if (detail?.Status == "active")
        {
            await ec2.CancelImportTaskAsync(new CancelImportTaskRequest { ImportTaskId = taskId, CancelReason = "the Kiln publication that started it failed or was interrupted" }, cancellationToken);
        }
        else if (!string.IsNullOrEmpty(detail?.SnapshotId))
        {
            await DeleteSnapshotAsync(ec2, detail.SnapshotId, cancellationToken);
        }
    }

    internal static async Task DeleteSnapshotAsync(IAmazonEC2 ec2, string snapshotId, CancellationToken cancellationToken)
    {
        try
        {
            await ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshotId }, cancellationToken);
        }
        catch (AmazonEC2Exception exception) when (AwsErrors.IsNotFound(exception))
        {
            // Gone already.
        }
    }

    internal static async Task DeregisterByNameAsync(IAmazonEC2 ec2, string name, CancellationToken cancellationToken)
    {
        var found = await ec2.DescribeImagesAsync(Ec2Requests.FindImage(name), cancellationToken);
        foreach (var image in found.Images ?? [])
        {
            await ec2.DeregisterImageAsync(new DeregisterImageRequest { ImageId = image.ImageId }, cancellationToken);
        }
    }

    /// <summary>Terminates an instance a failed publication launched (ec2_launch); one that is gone is no error.</summary>
    internal static async Task TerminateAsync(IAmazonEC2 ec2, string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            await ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId] }, cancellationToken);
        }
        catch (AmazonEC2Exception exception) when (AwsErrors.IsNotFound(exception))
        {
            // Gone already.
        }
    }
}
