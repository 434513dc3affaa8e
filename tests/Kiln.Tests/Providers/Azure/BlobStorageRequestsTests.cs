using Kiln.Providers.Azure.Publishing;
using Kiln.Publishing;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Azure;

/// <summary>The Blob service's requests, their Shared Key string to sign, the storage credentials as Azure's CLI reads them, and which pages are sent.</summary>
public sealed class BlobStorageRequestsTests
{
    private static readonly Uri Blob = new("https://kilntest.blob.core.windows.net/vhds/images/debian.vhd");

    [Fact]
    public void A_page_write_is_signed_over_its_length_md5_range_and_the_canonical_resource()
    {
        using var request = BlobRequests.PutPage(Blob, 4 << 20, new byte[1024]);
        request.Headers.Add("x-ms-version", BlobRequests.Version);
        request.Headers.Add("x-ms-date", "Mon, 02 Dec 2026 05:00:00 GMT");

        SharedKeySignature.StringToSign(request, "kilntest").ShouldBe(
            "PUT\n\n\n1024\nDzQ7CTESaiDxM9Z8KwGKOw==\n\n\n\n\n\n\n\n" +
            "x-ms-date:Mon, 02 Dec 2026 05:00:00 GMT\nx-ms-page-write:update\nx-ms-range:bytes=4194304-4195327\nx-ms-version:2024-11-04\n" +
            "/kilntest/vhds/images/debian.vhd\ncomp:page");
    }

    [Fact]
    public void An_empty_page_blob_is_created_with_its_size_and_an_empty_content_length_in_the_signature()
    {
        using var request = BlobRequests.CreatePageBlob(Blob, 2147484160);
        request.Headers.Add("x-ms-date", "Mon, 02 Dec 2026 05:00:00 GMT");

        SharedKeySignature.StringToSign(request, "kilntest").ShouldBe(
            "PUT\n\n\n\n\n\n\n\n\n\n\n\nx-ms-blob-content-length:2147484160\nx-ms-blob-type:PageBlob\nx-ms-date:Mon, 02 Dec 2026 05:00:00 GMT\n/kilntest/vhds/images/debian.vhd");
        Should.Throw<ArgumentException>(() => BlobRequests.CreatePageBlob(Blob, 1000));
        Should.Throw<ArgumentException>(() => BlobRequests.PutPage(Blob, 0, new byte[(4 << 20) + 512]));
    }

    [Fact]
    public void Only_the_stretch_from_the_first_to_the_last_page_with_data_is_sent()
    {
        var pages = new byte[8192];
        PageBlobUpload.DataRange(pages).ShouldBe((0, 0));
        pages[1030] = 1;
        pages[5000] = 1;
        PageBlobUpload.DataRange(pages).ShouldBe((1024, 4096), "pages 2 to 9: bytes 1024 to 5119");
    }

    [Fact]
    public void A_connection_string_with_a_blob_endpoint_points_at_an_emulator()
    {
        var access = Access(new() { ["AZURE_STORAGE_CONNECTION_STRING"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={StorageConnectionString.DevelopmentKey};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;" });

        var connection = StorageConnection.Resolve(new AzureTarget(), access);

        connection.Account.ShouldBe("devstoreaccount1");
        connection.BlobEndpoint.ShouldBe(new Uri("http://127.0.0.1:10000/devstoreaccount1"));
        connection.AccountKey.ShouldBe(Convert.FromBase64String(StorageConnectionString.DevelopmentKey));
        access.Secrets.Values.ShouldContain(StorageConnectionString.DevelopmentKey);
        Should.Throw<UserInputException>(() => StorageConnection.Resolve(new AzureTarget { StorageAccount = "other" }, access)).Message
            .ShouldStartWith("the manifest's provider.storage_account is other, but AZURE_STORAGE_CONNECTION_STRING is for devstoreaccount1");
    }

    [Fact]
    public void An_account_and_key_reach_the_public_endpoint_and_missing_credentials_say_what_to_set()
    {
        var connection = StorageConnection.Resolve(new AzureTarget(), Access(new() { ["AZURE_STORAGE_ACCOUNT"] = "kilntest", ["AZURE_STORAGE_KEY"] = Convert.ToBase64String(new byte[64]) }));
        connection.BlobEndpoint.ShouldBe(new Uri("https://kilntest.blob.core.windows.net"));

        var sas = StorageConnection.Resolve(new AzureTarget { StorageAccount = "kilntest" }, Access(new() { ["AZURE_STORAGE_SAS_TOKEN"] = "?sv=2024-11-04&sig=abc" }));
        sas.SasToken.ShouldBe("sv=2024-11-04&sig=abc");

        Should.Throw<UserInputException>(() => StorageConnection.Resolve(new AzureTarget(), Access(new()))).Message.ShouldStartWith("no Azure storage account");
        Should.Throw<UserInputException>(() => StorageConnection.Resolve(new AzureTarget { StorageAccount = "kilntest" }, Access(new()))).Message.ShouldStartWith("no credentials for the storage account kilntest");
    }

    [Fact]
    public void The_image_is_created_from_the_blob_as_a_generalized_linux_image_of_its_generation()
    {
        var body = ArmRequests.CreateImage(AzureRecords.Record(), AzureRecords.Target with { Generation = 1 }, Blob);

        body.ToString(Newtonsoft.Json.Formatting.None).ShouldBe(
            """{"location":"westeurope","tags":{"BuiltBy":"kiln","Release":"trixie"},"properties":{"hyperVGeneration":"V1","storageProfile":{"osDisk":{"osType":"Linux","osState":"Generalized","blobUri":"https://kilntest.blob.core.windows.net/vhds/images/debian.vhd","caching":"ReadWrite","storageAccountType":"Standard_LRS"}}}}""");
    }

    private static CloudAccess Access(Dictionary<string, string> environment) => new() { Environment = name => environment.GetValueOrDefault(name) };
}
