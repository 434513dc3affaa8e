using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Kiln.Platforms;
using Kiln.Providers.Oracle.Publishing;
using Kiln.Publishing;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Oracle;

/// <summary>
/// The OCI side of a publication against the local OCI API stand-in (every request's signature and body checked as
/// OCI documents them); S3 is a substitute here (the system test uploads to s3rver for real).
/// </summary>
public sealed class OraclePublisherTests : IDisposable
{
    private static readonly CloudTimings Fast = new(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5), Retries: 3, TimeSpan.FromMinutes(1));

    private readonly OciTestAccount _account = new();
    private readonly RSA _publicKey;
    private readonly FakeOciApi _oci;
    private readonly IAmazonS3 _s3 = Substitute.For<IAmazonS3>();
    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-publish-").FullName;
    private readonly string _image;

    public OraclePublisherTests()
    {
        _publicKey = _account.PublicKey();
        _oci = new FakeOciApi(_publicKey, OciTestAccount.KeyId, "eu-frankfurt-1");
        _image = Path.Combine(_directory, "debian-trixie.qcow2");
        File.WriteAllBytes(_image, [.. Enumerable.Range(0, 4096).Select(i => (byte)i)]);
        _s3.Config.Returns(new AmazonS3Config());
        _s3.PutObjectAsync(Arg.Any<PutObjectRequest>(), Arg.Any<CancellationToken>()).Returns(new PutObjectResponse { ETag = "\"e\"" });
        _s3.ListObjectsV2Async(Arg.Any<ListObjectsV2Request>(), Arg.Any<CancellationToken>()).Returns(new ListObjectsV2Response());
        _s3.DeleteObjectAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(new DeleteObjectResponse());
        _s3.GetObjectAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(_ => new GetObjectResponse { ResponseStream = new MemoryStream(File.ReadAllBytes(_image)) });
    }

    [Fact]
    public async Task A_publication_uploads_verifies_creates_the_image_waits_for_its_work_request_and_deletes_the_upload()
    {
        using var publisher = Publisher();
        await publisher.CheckAsync(CancellationToken.None);

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.Error.ShouldBeNull();
        _oci.Problems.ShouldBeEmpty(string.Join('\n', _oci.Calls));
        _oci.Calls.Select(c => c.Operation).ShouldBe(["ListImages", "CreateImage", "GetWorkRequest", "GetWorkRequest", "GetImage"]);
        var create = _oci.Calls.Single(c => c.Operation == "CreateImage").Body!;
        create["compartmentId"]!.ToString().ShouldBe(OciTestAccount.Tenancy);
        create["launchMode"]!.ToString().ShouldBe("PARAVIRTUALIZED");
        create["imageSourceDetails"]!["objectName"]!.ToString().ShouldBe("imports/debian-trixie.qcow2");
        var image = _oci.Images.ShouldHaveSingleItem();
        image.Value["lifecycleState"]!.ToString().ShouldBe("AVAILABLE");
        outcome.Result!.Items.ShouldHaveSingleItem().Id.ShouldBe(image.Key);
        await _s3.Received(1).PutObjectAsync(Arg.Is<PutObjectRequest>(r => r.BucketName == "kiln-images" && r.Key == "imports/debian-trixie.qcow2" && !r.UseChunkEncoding), Arg.Any<CancellationToken>());
        await _s3.Received(1).GetObjectAsync("kiln-images", "imports/debian-trixie.qcow2", Arg.Any<CancellationToken>());
        await _s3.Received(1).DeleteObjectAsync("kiln-images", "imports/debian-trixie.qcow2", Arg.Any<CancellationToken>());
        Directory.GetFiles(_directory, "*.journal").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_upload_that_reads_back_different_is_refused_and_deleted()
    {
        _s3.GetObjectAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(_ => new GetObjectResponse { ResponseStream = new MemoryStream(new byte[4096]) });
        using var publisher = Publisher();

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.ExitCode.ShouldBe(1);
        outcome.Error!.Message.ShouldContain("differs from");
        _oci.Calls.ShouldNotContain(c => c.Operation == "CreateImage");
        await _s3.Received(1).DeleteObjectAsync("kiln-images", "imports/debian-trixie.qcow2", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Throttled_calls_are_retried()
    {
        _oci.FailNext("CreateImage", 429, "TooManyRequests");
        _oci.FailNext("GetWorkRequest", 503, "ServiceUnavailable");
        using var publisher = Publisher();

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.Error.ShouldBeNull();
        _oci.Calls.Count(c => c.Operation == "CreateImage").ShouldBe(2);
        _oci.Images.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_import_deletes_the_image_and_the_upload_and_keeps_the_image_file()
    {
        using var publisher = Publisher();
        _oci.FailNext("GetImage", 400, "InvalidParameter");

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.ExitCode.ShouldBe(1);
        _oci.Calls.Select(c => c.Operation).ShouldContain("DeleteImage");
        _oci.Images.Values.ShouldAllBe(i => (string?)i["lifecycleState"] == "DELETED");
        await _s3.Received(1).DeleteObjectAsync("kiln-images", "imports/debian-trixie.qcow2", Arg.Any<CancellationToken>());
        File.Exists(_image).ShouldBeTrue();
    }

    [Fact]
    public async Task An_image_of_the_same_name_is_refused_before_anything_is_built()
    {
        _oci.AddImage("ocid1.image.oc1.eu-frankfurt-1.old", OciTestAccount.Tenancy, "debian-trixie");
        using var publisher = Publisher();

        var error = await Should.ThrowAsync<UserInputException>(() => publisher.CheckAsync(CancellationToken.None));

        error.Message.ShouldContain("ocid1.image.oc1.eu-frankfurt-1.old");
    }

    [Fact]
    public async Task A_key_oci_does_not_accept_is_the_users_to_fix()
    {
        using var stranger = new OciTestAccount();
        using var publisher = Publisher(stranger);

        var error = await Should.ThrowAsync<UserInputException>(() => publisher.CheckAsync(CancellationToken.None));

        error.Message.ShouldStartWith($"OCI refused the API key of the profile [DEFAULT] of {stranger.ConfigFile}: OCI ListImages:");
        _oci.Problems.ShouldContain("the signature does not verify with the API key's public key");
    }

    public void Dispose()
    {
        _oci.Dispose();
        _publicKey.Dispose();
        _account.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static PublicationStage Stage() => new(NullLoggerFactory.Instance);

    private PublicationRequest Request() => new(_image, Path.Combine(_directory, "workspace"), UploadOnly: false);

    private OraclePublisher Publisher(OciTestAccount? account = null)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OCI_CLI_CONFIG_FILE"] = (account ?? _account).ConfigFile,
            ["OCI_CLI_ENDPOINT"] = _oci.Endpoint.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "customer-key",
            ["AWS_SECRET_ACCESS_KEY"] = "customer-secret",
        };
        var access = new CloudAccess { Environment = environment.GetValueOrDefault, Timings = Fast };
        var record = new PublicationRecord
        {
            Cloud = "oracle",
            Image = "debian-trixie.qcow2",
            Format = "qcow2",
            DiskBytes = 2L << 30,
            Architecture = "amd64",
            Firmware = Firmware.Hybrid,
            Name = "debian-trixie",
            Description = "Debian trixie (amd64)",
            Tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["BuiltBy"] = "kiln" },
        };
        var target = new OracleTarget { Bucket = "kiln-images", KeyPrefix = "imports/", Namespace = "kilntenancy", Verify = true, OperatingSystemVersion = "trixie" };
        var connection = OciConnection.Resolve(target, access);
        var compute = new OciComputeApi(new HttpClient(), connection.CoreEndpoint, connection.Key);
        return new OraclePublisher(record with { Target = target.ToJson() }, target, connection, _s3, compute, access);
    }
}
