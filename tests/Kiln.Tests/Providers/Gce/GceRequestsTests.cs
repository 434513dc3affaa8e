using Kiln.Providers.Gce.Publishing;
using Kiln.Publishing;
using Newtonsoft.Json;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Gce;

public sealed class GceRequestsTests
{
    private static readonly GoogleEndpoints Google = GoogleEndpoints.Resolve(new CloudAccess { Environment = _ => null });

    [Fact]
    public void Images_insert_creates_the_image_from_the_uploaded_archive_with_its_features_family_description_and_labels()
    {
        var body = GceRequests.InsertImage(GceRecords.Record(), GceRecords.Target, "kiln-images", "imports/debian-trixie.tar.gz");

        body.ToString(Formatting.None).ShouldBe(
            """{"name":"debian-trixie","description":"Debian trixie","rawDisk":{"source":"https://storage.googleapis.com/kiln-images/imports/debian-trixie.tar.gz","containerType":"TAR"},"architecture":"X86_64","guestOsFeatures":[{"type":"UEFI_COMPATIBLE"},{"type":"VIRTIO_SCSI_MULTIQUEUE"},{"type":"GVNIC"}],"family":"debian-trixie-kiln","labels":{"built-by":"kiln","release":"trixie"}}""");
    }

    [Fact]
    public void The_urls_are_google_s_documented_ones()
    {
        GceRequests.ObjectName(GceRecords.Record(), GceRecords.Target).ShouldBe("imports/debian-trixie.tar.gz");
        GceRequests.StartUpload(Google, "kiln-images", "imports/d.tar.gz").ToString().ShouldBe("https://storage.googleapis.com/upload/storage/v1/b/kiln-images/o?uploadType=resumable&name=imports%2Fd.tar.gz");
        GceRequests.Object(Google, "kiln-images", "imports/d.tar.gz").AbsoluteUri.ShouldBe("https://storage.googleapis.com/storage/v1/b/kiln-images/o/imports%2Fd.tar.gz");
        GceRequests.Bucket(Google, "kiln-images").ToString().ShouldBe("https://storage.googleapis.com/storage/v1/b/kiln-images");
        GceRequests.Images(Google, "p-1234").ToString().ShouldBe("https://compute.googleapis.com/compute/v1/projects/p-1234/global/images");
        GceRequests.Image(Google, "p-1234", "debian").ToString().ShouldBe("https://compute.googleapis.com/compute/v1/projects/p-1234/global/images/debian");
        GceRequests.Operation(Google, "p-1234", "operation-1").ToString().ShouldBe("https://compute.googleapis.com/compute/v1/projects/p-1234/global/operations/operation-1");
    }

    [Fact]
    public void A_destination_without_a_prefix_puts_the_archive_at_the_bucket_s_top()
    {
        var target = GceRecords.Target with { GcsDestination = "gs://kiln-images" };

        target.Bucket.ShouldBe("kiln-images");
        target.Prefix.ShouldBeEmpty();
        (GceRecords.Target with { GcsDestination = "gs://b/a/b" }).Prefix.ShouldBe("a/b/");
    }

    [Theory]
    [InlineData("CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE", "http://127.0.0.1:9/compute/v1/", "http://127.0.0.1:9/compute/v1/", "https://storage.googleapis.com/", true)]
    [InlineData("CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE", "http://127.0.0.1:9/storage/v1", "https://compute.googleapis.com/compute/v1/", "http://127.0.0.1:9/", true)]
    [InlineData("STORAGE_EMULATOR_HOST", "127.0.0.1:4443", "https://compute.googleapis.com/compute/v1/", "http://127.0.0.1:4443/", false)]
    [InlineData("STORAGE_EMULATOR_HOST", "https://gcs.local:4443", "https://compute.googleapis.com/compute/v1/", "https://gcs.local:4443/", false)]
    public void Endpoints_are_overridden_as_gcloud_and_the_storage_sdks_read_them(string variable, string value, string compute, string storage, bool credentials)
    {
        var endpoints = GoogleEndpoints.Resolve(new CloudAccess { Environment = name => name == variable ? value : null });

        endpoints.Compute.ToString().ShouldBe(compute);
        endpoints.Storage.ToString().ShouldBe(storage);
        endpoints.StorageNeedsCredentials.ShouldBe(credentials);
    }

    [Fact]
    public void An_override_that_is_no_url_is_bad_input()
    {
        Should.Throw<UserInputException>(() => GoogleEndpoints.Resolve(new CloudAccess { Environment = name => name == "CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE" ? "compute.local" : null }))
            .Message.ShouldBe("CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE is `compute.local`, which is no http or https URL; set it to the endpoint's URL or unset it");
    }
}
