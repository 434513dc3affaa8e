using Amazon.EC2;
using Amazon.S3;
using Kiln.Publishing.S3;

namespace Kiln.Providers.Ec2.Publishing;

/// <summary>S3 and EC2 clients for a connection: the endpoint overrides, path-style S3 at an endpoint, no SDK retries (Polly decides).</summary>
public static class AwsClients
{
    public static AmazonS3Client S3(AwsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return S3Clients.Create(connection.Credentials, connection.Region.SystemName, connection.S3Endpoint);
    }

    public static AmazonEC2Client Ec2(AwsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var config = new AmazonEC2Config { MaxErrorRetry = 0 };
        if (connection.Ec2Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = connection.Region.SystemName;
        }
        else
        {
            config.RegionEndpoint = connection.Region;
        }

        return new AmazonEC2Client(connection.Credentials, config);
    }
}
