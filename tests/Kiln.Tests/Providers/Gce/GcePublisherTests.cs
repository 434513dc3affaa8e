using Kiln.Providers.Gce.Publishing;
using Kiln.Publishing;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Gce;

/// <summary>
/// A gce publication against the local stand-in of Google's token endpoint, Cloud Storage and Compute Engine
/// (every request checked against Google's documentation): upload, images.insert, the operation, the clean-up.
/// </summary>
public sealed class GcePublisherTests : IDisposable
{
    private static readonly CloudTimings Fast = new(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5), Retries: 3, TimeSpan.FromMinutes(1));

    private readonly FakeGoogleCloud _google = new("kiln-test-project", "kiln-images");
    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-publish-").FullName;
    private readonly string _image;
    private readonly string _key;

    public GcePublisherTests()
    {
        _image = Path.Combine(_directory, "debian-trixie.tar.gz");
        // Two chunks and a bit: the resumable upload's arithmetic is exercised.
        var content = new byte[(2 * CloudStorageUpload.ChunkSize) + 1000];
        new Random(7).NextBytes(content);
        File.WriteAllBytes(_image, content);
        _key = Path.Combine(_directory, "key.json");
        File.WriteAllText(_key, _google.ServiceAccountKey());
    }

    [Fact]
    public async Task A_publication_uploads_creates_the_image_waits_for_it_and_deletes_the_upload()
    {
        string? checkedSource = null;
        _google.CheckImageSource = path =>
        {
            checkedSource = path;
            File.ReadAllBytes(path).AsSpan().SequenceEqual(File.ReadAllBytes(_image)).ShouldBeTrue("the stored object is the archive, byte for byte");
            return null;
        };
        using var publisher = Publisher();
        await publisher.CheckAsync(CancellationToken.None);

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.Error.ShouldBeNull();
        _google.Problems.ShouldBeEmpty();
        _google.Calls.Select(c => c.Method).ShouldBe(["token", "buckets.get", "images.get", "objects.insert", "objects.insert", "objects.insert", "objects.insert", "images.insert", "globalOperations.get", "globalOperations.get", "images.get", "objects.delete"]);
        checkedSource.ShouldNotBeNull();
        var image = _google.Images.ShouldHaveSingleItem().Value;
        ((string?)image["family"]).ShouldBe("debian-trixie-kiln");
        image["guestOsFeatures"]!.Select(f => (string?)f["type"]).ShouldBe(["UEFI_COMPATIBLE", "VIRTIO_SCSI_MULTIQUEUE", "GVNIC"]);
        _google.ObjectSize("kiln-images", "imports/debian-trixie.tar.gz").ShouldBeNull("the upload is deleted once the image is made");
        outcome.Result!.Items.ShouldHaveSingleItem().Kind.ShouldBe("image");
        File.ReadAllText(Path.Combine(_directory, "debian-trixie.published.json")).ShouldContain("kiln-test-project/global/images/debian-trixie");
        Directory.GetFiles(_directory, "*.journal").ShouldBeEmpty();
    }

    [Fact]
    public async Task Throttled_and_failing_calls_are_retried_and_an_interrupted_chunk_resumes_where_the_session_is()
    {
        _google.FailNext("images.insert", 429, "rateLimitExceeded");
        _google.FailNext("objects.insert", 503, "backendError", skip: 2);
        using var publisher = Publisher();

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.Error.ShouldBeNull();
        _google.Problems.ShouldBeEmpty();
        _google.Calls.Count(c => c.Method == "images.insert").ShouldBe(2);
        // Start, chunk 1, chunk 2 (503), status query, chunk 2, chunk 3.
        _google.Calls.Where(c => c.Method == "objects.insert").Select(c => c.Body).ShouldBe(
            [$"{{\"name\":\"imports/debian-trixie.tar.gz\",\"contentType\":\"application/gzip\"}}", $"{CloudStorageUpload.ChunkSize} bytes", $"{CloudStorageUpload.ChunkSize} bytes", "0 bytes", $"{CloudStorageUpload.ChunkSize} bytes", "1000 bytes"]);
        _google.Images.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_image_creation_deletes_the_upload_and_the_image_and_keeps_the_image_files()
    {
        _google.CheckImageSource = _ => "The image file is not a valid tar.gz archive";
        using var publisher = Publisher();

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.ExitCode.ShouldBe(1);
        outcome.Error!.Message.ShouldStartWith("Compute Engine operation operation-");
        outcome.Error.Message.ShouldContain("failed: The image file is not a valid tar.gz archive (INVALID_IMAGE_FILE)");
        outcome.UndoFailures.ShouldBeEmpty();
        _google.Images.ShouldBeEmpty();
        _google.ObjectSize("kiln-images", "imports/debian-trixie.tar.gz").ShouldBeNull();
        _google.Calls.Select(c => c.Method).ShouldContain("images.delete");
        _google.Problems.ShouldBeEmpty();
        File.Exists(_image).ShouldBeTrue();
        Directory.GetFiles(_directory, "*.journal").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_image_of_the_same_name_stops_the_build_before_anything_is_made()
    {
        _google.AddImage("debian-trixie");
        using var publisher = Publisher();

        var error = await Should.ThrowAsync<UserInputException>(() => publisher.CheckAsync(CancellationToken.None));

        error.Message.ShouldStartWith("an image named debian-trixie exists in project kiln-test-project already");
        error.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task A_missing_bucket_and_refused_credentials_are_bad_input_saying_what_to_do()
    {
        using (var publisher = Publisher(GceRecords.Target with { GcsDestination = "gs://no-such-bucket/" }))
        {
            (await Should.ThrowAsync<UserInputException>(() => publisher.CheckAsync(CancellationToken.None))).Message
                .ShouldStartWith("the Cloud Storage bucket no-such-bucket does not exist; create it");
        }

        _google.FailNext("buckets.get", 403, "forbidden");
        using var refused = Publisher();
        (await Should.ThrowAsync<UserInputException>(() => refused.CheckAsync(CancellationToken.None))).Message
            .ShouldStartWith($"Google refused the credentials from {_key} (service_account {FakeGoogleCloud.ClientEmail}): Cloud Storage buckets.get: injected forbidden (403 forbidden)");
    }

    [Fact]
    public async Task The_resources_of_a_killed_publication_are_deleted_from_its_journal()
    {
        using (var publisher = Publisher())
        {
            (await Stage().RunAsync(publisher, Request(), CancellationToken.None)).Error.ShouldBeNull();
        }

        var cloud = new GceCloud();
        var at = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["project"] = "kiln-test-project",
            ["compute_endpoint"] = _google.ComputeEndpoint,
            ["storage_endpoint"] = _google.Root.ToString(),
            ["storage_credentials"] = "yes",
        };

        await cloud.ReclaimAsync(new CloudResource("gce", "image", new Dictionary<string, string>(at) { ["name"] = "debian-trixie" }), Access(withEndpoints: false), CancellationToken.None);
        await cloud.ReclaimAsync(new CloudResource("gce", "image", new Dictionary<string, string>(at) { ["name"] = "debian-trixie" }), Access(withEndpoints: false), CancellationToken.None);
        await cloud.ReclaimAsync(new CloudResource("gce", "gcs-object", new Dictionary<string, string>(at) { ["bucket"] = "kiln-images", ["object"] = "imports/debian-trixie.tar.gz" }), Access(withEndpoints: false), CancellationToken.None);

        _google.Images.ShouldBeEmpty();
        _google.Problems.ShouldBeEmpty();
        _google.Calls.Count(c => c.Method == "images.delete").ShouldBe(2);
    }

    [Fact]
    public void Without_credentials_or_a_project_the_build_stops_saying_what_to_set()
    {
        Should.Throw<UserInputException>(() => new GceCloud().Connect(GceRecords.Record(), new CloudAccess { Environment = name => name == "HOME" ? _directory : null }))
            .Message.ShouldBe("no Google credentials: set GOOGLE_APPLICATION_CREDENTIALS to a service account key file (JSON), or run gcloud auth application-default login, or build with --no-publish");
        var keyWithoutProject = Path.Combine(_directory, "no-project.json");
        File.WriteAllText(keyWithoutProject, _google.ServiceAccountKey().Replace("\"project_id\": \"kiln-test-project\",", string.Empty, StringComparison.Ordinal));
        Should.Throw<UserInputException>(() => new GceCloud().Connect(GceRecords.Record(GceRecords.Target with { Project = null }), new CloudAccess { Environment = name => name == "GOOGLE_APPLICATION_CREDENTIALS" ? keyWithoutProject : null }))
            .Message.ShouldBe("no Google Cloud project: set provider.gce_project in the manifest, or CLOUDSDK_CORE_PROJECT or GOOGLE_CLOUD_PROJECT");
    }

    [Fact]
    public void The_private_key_read_from_the_key_file_is_masked_in_every_log()
    {
        var access = Access();
        using var publisher = new GceCloud().Connect(GceRecords.Record(), access);

        var key = (string)Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(_key))["private_key"]!;
        access.Secrets.Values.ShouldContain(key);
        access.Secrets.MaskerWith([]).Mask($"key: {key}").ShouldBe("key: ********");
    }

    public void Dispose()
    {
        _google.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private CloudAccess Access(bool withEndpoints = true)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["GOOGLE_APPLICATION_CREDENTIALS"] = _key };
        if (withEndpoints)
        {
            environment["CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE"] = _google.ComputeEndpoint;
            environment["CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE"] = _google.StorageEndpoint;
        }

        return new CloudAccess { Environment = name => environment.GetValueOrDefault(name), Timings = Fast };
    }

    private IPublisher Publisher(GceTarget? target = null) => new GceCloud().Connect(GceRecords.Record(target), Access());

    private static PublicationStage Stage() => new(NullLoggerFactory.Instance);

    private PublicationRequest Request() => new(_image, Path.Combine(_directory, "workspace"), UploadOnly: false);
}
