using Amazon.S3;
using Amazon.S3.Model;
using Kiln.Providers.Ec2.Publishing;
using Kiln.Publishing;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Ec2;

/// <summary>
/// The EC2 side of a publication against the local EC2 API stand-in (every request checked against EC2's
/// documentation); S3 is a substitute here (the system test uploads to s3rver for real).
/// </summary>
public sealed class Ec2PublisherTests : IDisposable
{
    private static readonly CloudTimings Fast = new(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5), Retries: 3, TimeSpan.FromMinutes(1));

    private readonly FakeEc2Api _ec2 = new("eu-west-1");
    private readonly IAmazonS3 _s3 = Substitute.For<IAmazonS3>();
    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-publish-").FullName;
    private readonly string _image;

    public Ec2PublisherTests()
    {
        _image = Path.Combine(_directory, "debian-trixie.vmdk");
        File.WriteAllBytes(_image, new byte[4096]);
        _s3.Config.Returns(new AmazonS3Config());
        _s3.PutObjectAsync(Arg.Any<PutObjectRequest>(), Arg.Any<CancellationToken>()).Returns(new PutObjectResponse { ETag = "\"e\"" });
        _s3.ListObjectsV2Async(Arg.Any<ListObjectsV2Request>(), Arg.Any<CancellationToken>()).Returns(new ListObjectsV2Response());
        _s3.DeleteObjectAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(new DeleteObjectResponse());
    }

    [Fact]
    public async Task A_publication_uploads_imports_tags_registers_and_deletes_the_upload()
    {
        using var publisher = Publisher();
        await publisher.CheckAsync(CancellationToken.None);

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.Error.ShouldBeNull();
        _ec2.Problems.ShouldBeEmpty();
        _ec2.Calls.Select(c => c.Action).ShouldBe(["DescribeImages", "ImportSnapshot", "DescribeImportSnapshotTasks", "DescribeImportSnapshotTasks", "CreateTags", "RegisterImage"]);
        var ami = _ec2.Images.ShouldHaveSingleItem();
        ami.Value.ShouldBe("debian-trixie");
        outcome.Result!.Items.Select(i => i.Kind).ShouldBe(["snapshot", "image"]);
        outcome.Result.Items[1].Id.ShouldBe(ami.Key);
        await _s3.Received(1).PutObjectAsync(Arg.Is<PutObjectRequest>(r => r.BucketName == "kiln-images" && r.Key == "imports/debian-trixie.vmdk" && !r.UseChunkEncoding), Arg.Any<CancellationToken>());
        await _s3.Received(1).DeleteObjectAsync("kiln-images", "imports/debian-trixie.vmdk", Arg.Any<CancellationToken>());
        File.ReadAllText(Path.Combine(_directory, "debian-trixie.published.json")).ShouldContain(ami.Key);
        Directory.GetFiles(_directory, "*.journal").ShouldBeEmpty();
    }

    [Fact]
    public async Task Throttled_calls_are_retried()
    {
        _ec2.FailNext("ImportSnapshot", 503, "RequestLimitExceeded");
        _ec2.FailNext("RegisterImage", 500, "InternalError");
        using var publisher = Publisher();

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.Error.ShouldBeNull();
        _ec2.Calls.Count(c => c.Action == "ImportSnapshot").ShouldBe(2);
        _ec2.Calls.Count(c => c.Action == "RegisterImage").ShouldBe(2);
        _ec2.Images.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_registration_deletes_the_snapshot_and_the_upload_and_keeps_the_image_files()
    {
        _ec2.FailNext("RegisterImage", 400, "InvalidBlockDeviceMapping");
        using var publisher = Publisher();

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.ExitCode.ShouldBe(1);
        outcome.Error!.Message.ShouldStartWith("EC2 RegisterImage: injected InvalidBlockDeviceMapping (InvalidBlockDeviceMapping)");
        outcome.UndoFailures.ShouldBeEmpty();
        _ec2.Snapshots.ShouldBeEmpty();
        _ec2.Images.ShouldBeEmpty();
        _ec2.Calls.Select(c => c.Action).ShouldContain("DeleteSnapshot");
        await _s3.Received(1).DeleteObjectAsync("kiln-images", "imports/debian-trixie.vmdk", Arg.Any<CancellationToken>());
        File.Exists(_image).ShouldBeTrue();
        Directory.GetFiles(_directory, "*.journal").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_ami_of_the_same_name_stops_the_build_before_anything_is_made()
    {
        _ec2.AddImage("ami-0123", "debian-trixie");
        using var publisher = Publisher();

        var error = await Should.ThrowAsync<UserInputException>(() => publisher.CheckAsync(CancellationToken.None));

        error.Message.ShouldStartWith("an AMI named debian-trixie exists in eu-west-1 already (ami-0123)");
        error.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Refused_credentials_are_bad_input_naming_where_they_came_from()
    {
        _ec2.FailNext("DescribeImages", 401, "AuthFailure");
        using var publisher = Publisher();

        var error = await Should.ThrowAsync<UserInputException>(() => publisher.CheckAsync(CancellationToken.None));

        error.Message.ShouldStartWith("AWS refused the credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: EC2 DescribeImages: injected AuthFailure (AuthFailure)");
    }

    [Fact]
    public async Task The_resources_of_a_killed_publication_are_deleted_from_its_journal()
    {
        using (var publisher = Publisher())
        {
            (await Stage().RunAsync(publisher, Request(), CancellationToken.None)).Error.ShouldBeNull();
        }

        var snapshot = _ec2.Snapshots.ShouldHaveSingleItem();
        var cloud = new Ec2Cloud();
        var at = new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = "eu-west-1", ["ec2_endpoint"] = _ec2.Endpoint.ToString(), ["s3_endpoint"] = _ec2.Endpoint.ToString() };

        await cloud.ReclaimAsync(new CloudResource("ec2", "image", new Dictionary<string, string>(at) { ["name"] = "debian-trixie" }), Access(), CancellationToken.None);
        await cloud.ReclaimAsync(new CloudResource("ec2", "snapshot", new Dictionary<string, string>(at) { ["id"] = snapshot }), Access(), CancellationToken.None);
        await cloud.ReclaimAsync(new CloudResource("ec2", "snapshot", new Dictionary<string, string>(at) { ["id"] = snapshot }), Access(), CancellationToken.None);

        _ec2.Images.ShouldBeEmpty();
        _ec2.Snapshots.ShouldBeEmpty();
        _ec2.Problems.ShouldBeEmpty();
    }

    public void Dispose()
    {
        _ec2.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private CloudAccess Access()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIATEST",
            ["AWS_SECRET_ACCESS_KEY"] = "test-secret",
            ["AWS_ENDPOINT_URL_EC2"] = _ec2.Endpoint.ToString(),
        };
        return new CloudAccess { Environment = name => environment.GetValueOrDefault(name), Timings = Fast };
    }

    private Ec2Publisher Publisher()
    {
        var access = Access();
        var connection = AwsConnection.Resolve(Ec2Records.Target, access);
        return new Ec2Publisher(Ec2Records.Record(), Ec2Records.Target, connection, _s3, AwsClients.Ec2(connection), access);
    }

    private static PublicationStage Stage() => new(NullLoggerFactory.Instance);

    private PublicationRequest Request() => new(_image, Path.Combine(_directory, "workspace"), UploadOnly: false);
}
