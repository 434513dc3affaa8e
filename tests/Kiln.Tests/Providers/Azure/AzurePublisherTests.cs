using System.Net;
using Kiln.Providers.Azure.Publishing;
using Kiln.Publishing;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Azure;

/// <summary>
/// The Resource Manager side of a publication against the local stand-in (every request checked against Azure's
/// documentation, with its long-running operations, errors and throttling); the Blob service is in memory here (the
/// system test uploads to azurite for real).
/// </summary>
public sealed class AzurePublisherTests : IDisposable
{
    private static readonly CloudTimings Fast = new(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5), Retries: 3, TimeSpan.FromMinutes(1));

    private readonly FakeAzureResourceManager _arm = new("kiln-images", "westeurope");
    private readonly FakeBlobStore _blobs = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-publish-").FullName;
    private readonly string _image;
    private readonly byte[] _disk = new byte[(8 << 20) + 512];

    public AzurePublisherTests()
    {
        _image = Path.Combine(_directory, "debian-trixie.vhd");
        // A partition table at the start, data in the middle, the footer at the end; the rest is zeros.
        _disk.AsSpan(0, 1024).Fill(1);
        _disk.AsSpan((5 << 20) + 512, 700).Fill(2);
        _disk.AsSpan(_disk.Length - 512).Fill(3);
        File.WriteAllBytes(_image, _disk);
    }

    [Fact]
    public async Task A_publication_uploads_the_pages_with_data_and_creates_the_image_from_the_blob()
    {
        using var publisher = Publisher();
        await publisher.CheckAsync(CancellationToken.None);

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.Error.ShouldBeNull();
        _arm.Problems.ShouldBeEmpty(string.Join('\n', _arm.Calls));
        _arm.Calls.Select(c => c.Operation).ShouldBe(["POST token", "GET image", "PUT image", "GET operation", "GET operation", "GET image"]);
        _blobs.Calls.ShouldBe(["container? vhds", "blob? vhds/images/debian-trixie.vhd", $"create vhds/images/debian-trixie.vhd {_disk.Length}", "pages 0+1024", $"pages {(5 << 20) + 512}+1024", $"pages {8 << 20}+512"]);
        _blobs.Blobs["vhds/images/debian-trixie.vhd"].ShouldBe(_disk);
        var image = _arm.Images["debian-trixie"];
        ((string?)image.SelectToken("properties.hyperVGeneration")).ShouldBe("V2");
        ((string?)image.SelectToken("properties.storageProfile.osDisk.blobUri")).ShouldBe("https://kilntest.blob.core.windows.net/vhds/images/debian-trixie.vhd");
        outcome.Result!.Items.Select(i => i.Kind).ShouldBe(["page blob", "image"]);
        outcome.Result.Items[1].Id.ShouldBe($"/subscriptions/{FakeAzureResourceManager.Subscription}/resourceGroups/kiln-images/providers/Microsoft.Compute/images/debian-trixie");
        File.ReadAllText(Path.Combine(_directory, "debian-trixie.published.json")).ShouldContain("Microsoft.Compute/images/debian-trixie");
        Directory.GetFiles(_directory, "*.journal").ShouldBeEmpty();
    }

    [Fact]
    public async Task Throttled_and_failed_calls_are_retried_after_the_wait_azure_asks_for()
    {
        _arm.FailNext("PUT image", 429, "TooManyRequests");
        _arm.FailNext("GET operation", 503, "ServiceUnavailable");
        _blobs.FailNextPage(HttpStatusCode.ServiceUnavailable, "ServerBusy");
        using var publisher = Publisher();

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.Error.ShouldBeNull();
        _arm.Calls.Count(c => c.Operation == "PUT image").ShouldBe(2);
        _blobs.Calls.Count(c => c == "pages 0+1024").ShouldBe(2);
        _arm.Images.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_image_creation_deletes_the_image_and_the_blob_and_keeps_the_image_file()
    {
        _arm.CheckBlob = uri => $"The blob {uri} is not a valid VHD";
        using var publisher = Publisher();

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.ExitCode.ShouldBe(1);
        outcome.Error!.Message.ShouldContain("is not a valid VHD (InvalidParameter)");
        _blobs.Blobs.ShouldBeEmpty();
        _blobs.Calls.ShouldContain("delete vhds/images/debian-trixie.vhd");
        _arm.Calls[^1].Operation.ShouldBe("DELETE image", "the image, journaled before its creation, is deleted by name (no such image: 204)");
        _arm.Problems.ShouldBeEmpty();
        File.Exists(_image).ShouldBeTrue();
    }

    [Fact]
    public async Task An_operation_that_fails_is_an_error_and_the_half_made_image_is_deleted()
    {
        using var publisher = Publisher();
        _arm.OperationPolls = 0;
        _arm.FailNext("GET operation", 409, "Conflict");

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.ExitCode.ShouldBe(1);
        _arm.Images.ShouldBeEmpty();
        _arm.Calls.Select(c => c.Operation).ShouldContain("DELETE image");
        _blobs.Blobs.ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_only_stops_after_the_blob()
    {
        using var publisher = Publisher();

        var outcome = await Stage().RunAsync(publisher, Request(uploadOnly: true), CancellationToken.None);

        outcome.Error.ShouldBeNull();
        outcome.Result!.Items.ShouldHaveSingleItem().Kind.ShouldBe("page blob");
        _arm.Images.ShouldBeEmpty();
        _blobs.Blobs.Keys.ShouldBe(["vhds/images/debian-trixie.vhd"]);
        publisher.Describe(uploadOnly: true).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_existing_image_or_blob_or_a_missing_container_is_refused_before_anything_is_built()
    {
        _arm.AddImage("debian-trixie");
        using (var publisher = Publisher())
        {
            (await Should.ThrowAsync<UserInputException>(() => publisher.CheckAsync(CancellationToken.None))).Message
                .ShouldStartWith("an image named debian-trixie exists in the resource group kiln-images already");
        }

        _blobs.Containers.Clear();
        using (var publisher = Publisher())
        {
            (await Should.ThrowAsync<UserInputException>(() => publisher.CheckAsync(CancellationToken.None))).Message
                .ShouldStartWith("the storage account kilntest has no container vhds; create it");
        }
    }

    [Fact]
    public async Task A_wrong_client_secret_is_the_users_to_fix()
    {
        using var publisher = Publisher(new Dictionary<string, string> { ["AZURE_CLIENT_SECRET"] = "wrong" });

        var error = await Should.ThrowAsync<UserInputException>(() => publisher.CheckAsync(CancellationToken.None));

        error.Message.ShouldStartWith("Azure refused the credentials from AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET: ARM Get Image: AADSTS7000215: Invalid client secret provided.");
        error.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task A_resource_group_that_does_not_exist_is_named()
    {
        var target = AzureRecords.Target with { ResourceGroup = "elsewhere" };
        using var publisher = Publisher(target: target);

        var outcome = await Stage().RunAsync(publisher, Request(), CancellationToken.None);

        outcome.ExitCode.ShouldBe(2);
        outcome.Error!.Message.ShouldStartWith("the resource group elsewhere does not exist in the subscription");
        _blobs.Blobs.ShouldBeEmpty();
    }

    [Fact]
    public async Task Kiln_clean_deletes_a_left_image_by_its_journal_record()
    {
        _arm.AddImage("debian-trixie");
        var resource = new CloudResource("azure", "image", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["resource_group"] = "kiln-images",
            ["name"] = "debian-trixie",
            ["subscription"] = FakeAzureResourceManager.Subscription,
            ["resource_manager"] = _arm.Endpoint,
            ["authority"] = _arm.Endpoint,
        });

        await new AzureCloud().ReclaimAsync(resource, Access(), CancellationToken.None);

        _arm.Images.ShouldBeEmpty();
        _arm.Problems.ShouldBeEmpty();
    }

    public void Dispose()
    {
        _arm.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private CloudAccess Access(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var environment = new Dictionary<string, string>(_arm.Environment, StringComparer.Ordinal) { ["AZURE_STORAGE_ACCOUNT"] = "kilntest", ["AZURE_STORAGE_KEY"] = Convert.ToBase64String(new byte[64]) };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return new CloudAccess { Environment = name => environment.GetValueOrDefault(name), Timings = Fast };
    }

    private AzurePublisher Publisher(IReadOnlyDictionary<string, string>? environment = null, AzureTarget? target = null)
    {
        var access = Access(environment);
        target ??= AzureRecords.Target;
        var storage = StorageConnection.Resolve(target, access);
        var arm = ArmConnection.Resolve(target, access);
        var http = new HttpClient();
        var manager = new ResourceManagerClient(new ArmTokenSource(arm, http, access.Secrets), http, access.Timings, AzurePublisher.Retry(access));
        return new AzurePublisher(AzureRecords.Record(target), target, storage, _blobs, arm, manager, access);
    }

    private static PublicationStage Stage() => new(NullLoggerFactory.Instance);

    private PublicationRequest Request(bool uploadOnly = false) => new(_image, Path.Combine(_directory, "workspace"), uploadOnly);
}
