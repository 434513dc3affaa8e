using Kiln.Providers.Ec2.Publishing;
using Kiln.Publishing;
using Kiln.SystemTests.Clouds;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// ec2_publish's manifest_url against a real S3 API (s3rver): a small disk is uploaded, imported and registered (the
/// local EC2 API), copied to a second region, and the JSON map of region to AMI is put into the bucket as
/// application/json. No image is built (the ec2 example's build and boot are Ec2ImageTests'), so it takes seconds.
/// </summary>
[Trait("Category", "System")]
public sealed class Ec2PublishManifestTests
{
    private static readonly CloudTimings Fast = new(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), Retries: 3, TimeSpan.FromMinutes(2));

    [SystemFact]
    public async Task The_map_of_regions_to_amis_is_put_into_s3_as_json()
    {
        using var s3 = await S3rver.StartAsync("kiln-images");
        using var ec2 = new FakeEc2Api("eu-west-1", "us-east-1");
        ec2.CheckImportSource = (bucket, key) => s3.ObjectSize(bucket, key) is null ? $"The S3 object s3://{bucket}/{key} does not exist" : null;
        var directory = Directory.CreateTempSubdirectory("kiln-ec2-publish-").FullName;
        try
        {
            var image = Path.Combine(directory, "debian-trixie.vmdk");
            await File.WriteAllBytesAsync(image, new byte[1 << 20]);
            var target = new Ec2Target { Bucket = "kiln-images", KeyPrefix = "imports/", Region = "eu-west-1", Publishing = new AmiPublishing(["us-east-1"], Public: true, "s3://kiln-images/debian/amis.json") };
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AWS_ACCESS_KEY_ID"] = S3rver.AccessKey,
                ["AWS_SECRET_ACCESS_KEY"] = S3rver.SecretKey,
                ["AWS_ENDPOINT_URL_S3"] = s3.Endpoint,
                ["AWS_ENDPOINT_URL_EC2"] = ec2.Endpoint.ToString(),
            };
            var access = new CloudAccess { Environment = name => environment.GetValueOrDefault(name), Timings = Fast };
            var record = new PublicationRecord
            {
                Cloud = "ec2", Image = "debian-trixie.vmdk", Format = "vmdk", DiskBytes = 1 << 20, Architecture = "amd64",
                Firmware = Kiln.Platforms.Firmware.Hybrid, Name = "debian-trixie", Description = "Debian trixie", Target = target.ToJson(),
            };

            using var publisher = new Ec2Cloud().Connect(record, access);
            await publisher.CheckAsync(CancellationToken.None);
            var outcome = await new PublicationStage(NullLoggerFactory.Instance).RunAsync(publisher, new PublicationRequest(image, Path.Combine(directory, "workspace"), UploadOnly: false), CancellationToken.None);

            outcome.Error.ShouldBeNull();
            ec2.Problems.ShouldBeEmpty(string.Join('\n', ec2.Calls));
            var map = JObject.Parse(s3.ObjectText("kiln-images", "debian/amis.json").ShouldNotBeNull());
            map.Properties().Select(p => p.Name).ShouldBe(["eu-west-1", "us-east-1"]);
            ec2.ImageRegions[(string)map["us-east-1"]!].ShouldBe("us-east-1");
            ec2.PublicImages.Count.ShouldBe(2);
            s3.ObjectMetadata("kiln-images", "debian/amis.json").ShouldNotBeNull().ShouldContain("application/json");
            s3.ObjectSize("kiln-images", "imports/debian-trixie.vmdk").ShouldBeNull("the upload is deleted once the snapshot is made");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
