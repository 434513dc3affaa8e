using Amazon.S3;
using Amazon.S3.Model;
using Kiln.Providers.Ec2.Publishing;
using Kiln.Publishing;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using NSubstitute;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Ec2;

/// <summary>
/// ec2_publish and ec2_launch in a publication, against the local EC2 API stand-in (RunInstances, DescribeInstances,
/// TerminateInstances, CopyImage and ModifyImageAttribute checked as EC2 documents them); S3 is a substitute here
/// (tests/Kiln.SystemTests/Ec2PublishManifestTests.cs puts the manifest into s3rver).
/// </summary>
public sealed class Ec2PluginPublicationTests : IDisposable
{
    private static readonly CloudTimings Fast = new(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5), Retries: 3, TimeSpan.FromMinutes(1));

    private readonly FakeEc2Api _ec2 = new("eu-west-1", "us-east-1", "ap-south-1");
    private readonly IAmazonS3 _s3 = Substitute.For<IAmazonS3>();
    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-publish-").FullName;
    private readonly string _image;

    public Ec2PluginPublicationTests()
    {
        _image = Path.Combine(_directory, "debian-trixie.vmdk");
        File.WriteAllBytes(_image, new byte[4096]);
        _s3.Config.Returns(new AmazonS3Config());
        _s3.PutObjectAsync(Arg.Any<PutObjectRequest>(), Arg.Any<CancellationToken>()).Returns(new PutObjectResponse { ETag = "\"e\"" });
        _s3.DeleteObjectAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(new DeleteObjectResponse());
    }

    [Fact]
    public async Task Ec2_publish_copies_the_ami_to_each_region_makes_every_ami_public_and_writes_the_map_of_regions()
    {
        var manifest = Path.Combine(_directory, "published", "amis.json");
        using var publisher = Publisher(Ec2Records.Target with { Publishing = new AmiPublishing(["us-east-1", "ap-south-1"], Public: true, manifest) });

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.Error.ShouldBeNull();
        _ec2.Problems.ShouldBeEmpty(string.Join('\n', _ec2.Calls));
        var copies = _ec2.Calls.Where(c => c.Action == "CopyImage").ToList();
        copies.Select(c => c.Region).ShouldBe(["us-east-1", "ap-south-1"], "a copy is asked of the destination region");
        copies.ShouldAllBe(c => c["SourceRegion"] == "eu-west-1" && c["Name"] == "debian-trixie");
        var regions = _ec2.ImageRegions;
        regions.Values.Order(StringComparer.Ordinal).ShouldBe(["ap-south-1", "eu-west-1", "us-east-1"]);
        _ec2.PublicImages.Order(StringComparer.Ordinal).ShouldBe(regions.Keys.Order(StringComparer.Ordinal));
        var map = JObject.Parse(File.ReadAllText(manifest));
        map.Properties().Select(p => p.Name).ShouldBe(["ap-south-1", "eu-west-1", "us-east-1"]);
        map.Properties().ShouldAllBe(p => regions[(string)p.Value!] == p.Name);
        outcome.Result!.Items.Select(i => i.Kind).ShouldBe(["snapshot", "image", "image", "image", "manifest"]);
    }

    [Fact]
    public async Task Ec2_publish_puts_the_map_into_s3_public_read_as_json()
    {
        using var publisher = Publisher(Ec2Records.Target with { Publishing = new AmiPublishing([], Public: false, "s3://kiln-public/debian/amis.json") });

        (await Stage().RunAsync(publisher, Request(), CancellationToken.None)).Error.ShouldBeNull();

        await _s3.Received(1).PutObjectAsync(Arg.Is<PutObjectRequest>(r => r.BucketName == "kiln-public" && r.Key == "debian/amis.json" && r.ContentType == "application/json" && r.CannedACL == S3CannedACL.PublicRead && r.ContentBody.Contains("\"eu-west-1\": \"ami-")), Arg.Any<CancellationToken>());
        _ec2.Calls.ShouldNotContain(c => c.Action == "ModifyImageAttribute");
    }

    [Fact]
    public async Task Ec2_launch_runs_an_instance_waits_until_it_runs_writes_its_public_ip_and_terminates_it_when_asked()
    {
        var ipFile = Path.Combine(_directory, "ip.txt");
        var launching = new InstanceLaunching
        {
            InstanceType = "t3.micro",
            KeyName = "kiln-key",
            SecurityGroupIds = ["sg-0a1b", "sg-0c2d"],
            PublicIpFile = ipFile,
            Tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["Name"] = "kiln launch test" },
            Terminate = true,
        };
        using var publisher = Publisher(Ec2Records.Target with { Launching = launching });
        var notes = new List<string>();

        var outcome = await Stage().RunAsync(publisher, Request() with { Announce = notes.Add }, CancellationToken.None);

        outcome.Error.ShouldBeNull();
        _ec2.Problems.ShouldBeEmpty(string.Join('\n', _ec2.Calls));
        _ec2.Calls.Select(c => c.Action).SkipWhile(a => a != "RunInstances").ShouldBe(["RunInstances", "DescribeInstances", "DescribeInstances", "TerminateInstances"]);
        var run = _ec2.Calls.Single(c => c.Action == "RunInstances");
        run["InstanceType"].ShouldBe("t3.micro");
        run["KeyName"].ShouldBe("kiln-key");
        run["SecurityGroupId.1"].ShouldBe("sg-0a1b");
        run["SecurityGroupId.2"].ShouldBe("sg-0c2d");
        run["TagSpecification.1.ResourceType"].ShouldBe("instance");
        run["TagSpecification.1.Tag.1.Value"].ShouldBe("kiln launch test");
        var instance = _ec2.Instances.Values.ShouldHaveSingleItem();
        instance.ImageId.ShouldBe(_ec2.Images.Keys.Single());
        instance.State.ShouldBe("terminated");
        File.ReadAllText(ipFile).ShouldBe("198.51.100.7\n");
        notes.ShouldContain($"instance {instance.Id} (t3.micro) is running in eu-west-1: public IP 198.51.100.7, private IP 10.0.0.7");
        outcome.Result!.Items.Select(i => i.Kind).ShouldBe(["snapshot", "image"], "a terminated instance is not something the publication left");
    }

    [Fact]
    public async Task Ec2_launch_with_deregister_ami_keeps_the_instance_and_deletes_the_ami_and_its_snapshot()
    {
        using var publisher = Publisher(Ec2Records.Target with { Launching = new InstanceLaunching { InstanceType = "t3.micro", DeregisterAmi = true } });

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.Error.ShouldBeNull();
        _ec2.Images.ShouldBeEmpty();
        _ec2.Snapshots.ShouldBeEmpty();
        var instance = _ec2.Instances.Values.ShouldHaveSingleItem();
        instance.State.ShouldBe("running");
        outcome.Result!.Items[^1].ShouldBe(new PublishedItem("instance", instance.Id, "eu-west-1"));
    }

    [Fact]
    public async Task A_launch_that_fails_terminates_the_instance_and_deregisters_the_ami()
    {
        _ec2.InstancePolls = 1;
        _ec2.FailNext("DescribeInstances", 400, "InvalidParameterValue");
        using var publisher = Publisher(Ec2Records.Target with { Launching = new InstanceLaunching { InstanceType = "t3.micro" } });

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.ExitCode.ShouldBe(1);
        _ec2.Instances.Values.ShouldHaveSingleItem().State.ShouldBe("terminated");
        _ec2.Images.ShouldBeEmpty();
    }

    public void Dispose()
    {
        _ec2.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static PublicationStage Stage() => new(NullLoggerFactory.Instance);

    private PublicationRequest Request() => new(_image, Path.Combine(_directory, "workspace"), UploadOnly: false);

    private Ec2Publisher Publisher(Ec2Target target)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIATEST",
            ["AWS_SECRET_ACCESS_KEY"] = "test-secret",
            ["AWS_ENDPOINT_URL_EC2"] = _ec2.Endpoint.ToString(),
        };
        var access = new CloudAccess { Environment = name => environment.GetValueOrDefault(name), Timings = Fast };
        var connection = AwsConnection.Resolve(target, access);
        return new Ec2Publisher(Ec2Records.Record() with { Target = target.ToJson() }, target, connection, _s3, AwsClients.Ec2(connection), access);
    }
}
