using System.Formats.Tar;
using System.Security.Cryptography;
using Kiln.Providers.Docker;
using Newtonsoft.Json.Linq;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Docker;

/// <summary>
/// The image's JSON against the OCI image specification's required fields (config: architecture, os, rootfs with
/// diff_ids; manifest: schemaVersion 2, mediaType, config and layer descriptors; index: schemaVersion 2 and
/// descriptors), the docker-archive manifest against what docker load reads, and the archives' content against
/// their digests.
/// </summary>
public sealed class OciImageTests : IDisposable
{
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeSeconds(1700000000);
    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-oci-").FullName;

    private static ContainerConfig Config => new ContainerConfig
    {
        Cmd = ["/bin/bash"],
        ExposedPorts = ["8080/tcp"],
        Volumes = ["/data"],
        WorkingDir = "/srv",
        Labels = [new("summary", "Debian")],
    };

    [Fact]
    public async Task The_config_has_the_required_fields_and_the_run_time_settings()
    {
        var image = await ImageAsync();
        var config = JObject.Parse(Text(image.Config));

        config["architecture"]!.ToString().ShouldBe("amd64");
        config["os"]!.ToString().ShouldBe("linux");
        config["rootfs"]!["type"]!.ToString().ShouldBe("layers");
        config["rootfs"]!["diff_ids"]!.Values<string>().ShouldBe([image.Layer.Digest]);
        config["created"]!.ToString(Newtonsoft.Json.Formatting.None).ShouldBe("\"2023-11-14T22:13:20Z\"");
        config["config"]!["Cmd"]!.Values<string>().ShouldBe(["/bin/bash"]);
        config["config"]!["Env"]!.Values<string>().ShouldBe([ContainerConfig.DefaultPath]);
        ((JObject)config["config"]!["ExposedPorts"]!).Properties().Single().Name.ShouldBe("8080/tcp");
        ((JObject)config["config"]!["Volumes"]!).Properties().Single().Name.ShouldBe("/data");
        config["config"]!["WorkingDir"]!.ToString().ShouldBe("/srv");
        config["config"]!["Labels"]!["summary"]!.ToString().ShouldBe("Debian");
        config["history"]!.Single()["created_by"]!.ToString().ShouldBe("kiln build test.yml");
    }

    [Fact]
    public async Task The_manifest_and_index_describe_their_blobs_by_media_type_digest_and_size()
    {
        var image = await ImageAsync();
        var manifest = JObject.Parse(Text(image.Manifest));
        var index = JObject.Parse(image.IndexJson);

        manifest["schemaVersion"]!.Value<int>().ShouldBe(2);
        manifest["mediaType"]!.ToString().ShouldBe(OciImage.ManifestMediaType);
        Descriptor(manifest["config"]!).ShouldBe((OciImage.ConfigMediaType, image.Config.Digest, image.Config.Size));
        Descriptor(manifest["layers"]!.Single()).ShouldBe((OciImage.LayerMediaType, image.Layer.Digest, image.Layer.Size));
        index["schemaVersion"]!.Value<int>().ShouldBe(2);
        index["mediaType"]!.ToString().ShouldBe(OciImage.IndexMediaType);
        var entry = index["manifests"]!.Single();
        Descriptor(entry).ShouldBe((OciImage.ManifestMediaType, image.Manifest.Digest, image.Manifest.Size));
        entry["platform"]!["os"]!.ToString().ShouldBe("linux");
        entry["annotations"]![OciImage.RefNameAnnotation]!.ToString().ShouldBe("latest");
        entry["annotations"]![OciImage.ContainerdNameAnnotation]!.ToString().ShouldBe("kiln/debian:latest");
        image.Config.Digest.ShouldBe("sha256:" + Convert.ToHexStringLower(SHA256.HashData(image.Config.Content!)));
    }

    [Fact]
    public async Task The_docker_archive_manifest_names_the_config_the_layers_and_the_tag()
    {
        var image = await ImageAsync();
        var manifest = JArray.Parse(image.DockerManifestJson).Single();

        manifest["Config"]!.ToString().ShouldBe(image.Config.LayoutPath);
        manifest["RepoTags"]!.Values<string>().ShouldBe(["kiln/debian:latest"]);
        manifest["Layers"]!.Values<string>().ShouldBe([image.Layer.LayoutPath]);
    }

    [Fact]
    public async Task The_same_input_gives_the_same_bytes_and_digests()
    {
        (await ImageAsync()).Manifest.Digest.ShouldBe((await ImageAsync()).Manifest.Digest);
    }

    [Fact]
    public async Task The_oci_archive_is_a_layout_whose_blobs_hash_to_their_names_in_sorted_entries_owned_by_root()
    {
        var image = await ImageAsync();
        var path = Path.Combine(_directory, "image.oci.tar");
        await ContainerArchives.WriteOciArchiveAsync(image, path, Created, CancellationToken.None);

        var entries = Read(path);

        entries.Keys.ShouldBe(["blobs/", "blobs/sha256/", .. new[] { image.Config, image.Layer, image.Manifest }.Select(b => b.LayoutPath).Order(StringComparer.Ordinal), "index.json", "oci-layout"]);
        JObject.Parse(System.Text.Encoding.UTF8.GetString(entries["oci-layout"].Data))["imageLayoutVersion"]!.ToString().ShouldBe("1.0.0");
        foreach (var (name, entry) in entries.Where(e => e.Key.StartsWith("blobs/sha256/", StringComparison.Ordinal) && e.Key.Length > 14))
        {
            Convert.ToHexStringLower(SHA256.HashData(entry.Data)).ShouldBe(name["blobs/sha256/".Length..]);
        }

        entries.Values.ShouldAllBe(e => e.Uid == 0 && e.Gid == 0 && e.Mtime == Created);
    }

    [Fact]
    public async Task The_docker_archive_holds_its_manifest_the_config_and_the_layer()
    {
        var image = await ImageAsync();
        var path = Path.Combine(_directory, "image.docker.tar");
        await ContainerArchives.WriteDockerArchiveAsync(image, path, Created, CancellationToken.None);

        Read(path).Keys.ShouldBe(["blobs/", "blobs/sha256/", .. new[] { image.Config.LayoutPath, image.Layer.LayoutPath }.Order(StringComparer.Ordinal), "manifest.json"]);
    }

    [Fact]
    public void The_layer_is_tarred_sorted_with_numeric_owners_and_clamped_times_when_source_date_epoch_is_set()
    {
        LayerTarCommand.For("/b/root", "/b/layer.tar", 1700000000).Argv.ShouldBe(
        [
            "tar", "--create", "--file", "/b/layer.tar", "--directory", "/b/root", "--sort=name", "--numeric-owner", "--format=pax",
            "--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime", "--xattrs", "--xattrs-include=security.capability",
            "--one-file-system", "--mtime=@1700000000", "--clamp-mtime", ".",
        ]);
        LayerTarCommand.For("/b/root", "/b/layer.tar", null).Argv.ShouldNotContain("--clamp-mtime");
    }

    [Theory]
    [InlineData("1700000000", 1700000000)]
    [InlineData(null, 1709647629)]
    [InlineData("soon", 1709647629)]
    public void The_creation_time_is_source_date_epoch_when_set_else_the_builds_start(string? epoch, long expected)
    {
        ContainerImageSettings.CreatedTime(TestManifests.BuildTime, epoch).ToUnixTimeSeconds().ShouldBe(expected);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<OciImage> ImageAsync()
    {
        var layerPath = Path.Combine(_directory, "layer.tar");
        if (!File.Exists(layerPath))
        {
            await File.WriteAllBytesAsync(layerPath, new byte[4096]);
        }

        var layer = await OciBlob.FromFileAsync(OciImage.LayerMediaType, layerPath, CancellationToken.None);
        return new OciImage(new ImageReference("kiln/debian", "latest"), "amd64", Created, Config, layer, layer.Digest, "kiln build test.yml");
    }

    private static string Text(OciBlob blob) => System.Text.Encoding.UTF8.GetString(blob.Content!);

    private static (string, string, long) Descriptor(JToken descriptor) =>
        (descriptor["mediaType"]!.ToString(), descriptor["digest"]!.ToString(), descriptor["size"]!.Value<long>());

    private static Dictionary<string, (byte[] Data, int Uid, int Gid, DateTimeOffset Mtime)> Read(string path)
    {
        var entries = new Dictionary<string, (byte[], int, int, DateTimeOffset)>();
        using var stream = File.OpenRead(path);
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry() is { } entry)
        {
            using var data = new MemoryStream();
            entry.DataStream?.CopyTo(data);
            entries.Add(entry.Name, (data.ToArray(), entry.Uid, entry.Gid, entry.ModificationTime));
        }

        return entries;
    }
}
