using System.Security.Cryptography;
using Kiln.Common.Sbom;
using Kiln.Packages;
using Kiln.Sbom;
using Kiln.Tests.Plugins;
using Kiln.Tests.Sbom;
using Newtonsoft.Json.Linq;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Sbom;

public sealed class WriteSbomTests
{
    [Fact]
    public void The_sbom_is_declared_beside_the_image_as_name_spdx_json_after_the_other_files()
    {
        var outputs = TestManifests.Bind(TestManifests.Minimal).Outputs;

        outputs.Sbom!.Path.ShouldBe("/nonexistent/output/test-bookworm.spdx.json");
        outputs.All.Select(o => o.Kind).ShouldBe(["disk image (raw, 2GiB)", "boot record", "package list", "SBOM (SPDX 2.3)"]);
    }

    [Fact]
    public async Task The_sbom_is_written_beside_the_image_with_the_checksums_of_the_files_written_before_it()
    {
        using var workspace = new TemporaryWorkspace();
        var output = workspace.Paths.OutputDirectory;
        Directory.CreateDirectory(output);
        var spec = TestManifests.Bind(TestManifests.Minimal, options: TestManifests.Options with { OutputDirectory = output });
        var context = workspace.Context(spec);
        context.StateOf<InstalledPackageList>().Packages = [new InstalledPackage("libc6", "2.36-9", "amd64", "glibc", "2.36-9")];
        var outputs = spec.Outputs;
        await File.WriteAllTextAsync(context.Outputs.Begin(context, outputs.RequireDiskImage(), Path.Combine(output, "test-bookworm.raw")), "disk");
        await File.WriteAllTextAsync(context.Outputs.Begin(context, outputs.BootRecord!, Path.Combine(output, "test-bookworm.boot.json")), "{}");
        await File.WriteAllTextAsync(context.Outputs.Begin(context, outputs.PackageList!, Path.Combine(output, "test-bookworm.packages.tsv")), "list");

        await new WriteSbom().RunAsync(context, CancellationToken.None);

        var path = Path.Combine(output, "test-bookworm.spdx.json");
        File.Exists(path).ShouldBeFalse("the SBOM is published with the other outputs, at the end of the build");
        context.Outputs.Publish().ShouldContain(path);
        var text = await File.ReadAllTextAsync(path);
        SpdxSchema.Errors(text).ShouldBeEmpty();
        var document = JObject.Parse(text);
        document["packages"]![0]!["checksums"]![1]!["checksumValue"]!.ToString().ShouldBe(Sha256("disk"));
        document["files"]!.Select(f => $"{f["fileName"]} {f["checksums"]![1]!["checksumValue"]}")
            .ShouldBe([$"./test-bookworm.boot.json {Sha256("{}")}", $"./test-bookworm.packages.tsv {Sha256("list")}"]);
        document["packages"]![1]!["externalRefs"]![0]!["referenceLocator"]!.ToString().ShouldBe("pkg:deb/debian/libc6@2.36-9?arch=amd64&distro=debian-bookworm");
    }

    [Fact]
    public async Task With_backing_lvm_the_sbom_digests_the_volumes_device_and_names_the_volume()
    {
        using var workspace = new TemporaryWorkspace();
        var output = workspace.Paths.OutputDirectory;
        Directory.CreateDirectory(output);
        var manifest = TestManifests.Minimal.Replace("backing: raw", "backing: lvm\n  volumegroup: vgtest\n  logicalvolume: lvtest", StringComparison.Ordinal);
        var spec = TestManifests.Bind(manifest, options: TestManifests.Options with { OutputDirectory = output });
        var context = workspace.Context(spec);
        context.StateOf<InstalledPackageList>().Packages = [];
        context.DiskPath = Path.Combine(output, "device-standing-in-for-lvtest.kiln-test");
        await File.WriteAllTextAsync(context.DiskPath, "volume");
        await File.WriteAllTextAsync(context.Outputs.Begin(context, spec.Outputs.BootRecord!, Path.Combine(output, "test-bookworm.boot.json")), "{}");
        await File.WriteAllTextAsync(context.Outputs.Begin(context, spec.Outputs.PackageList!, Path.Combine(output, "test-bookworm.packages.tsv")), "list");

        await new WriteSbom().RunAsync(context, CancellationToken.None);

        context.Outputs.Publish();
        var document = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(output, "test-bookworm.spdx.json")));
        document["packages"]![0]!["checksums"]![1]!["checksumValue"]!.ToString().ShouldBe(Sha256("volume"));
        document.ToString().ShouldContain("lvtest");
    }

    [Fact]
    public void The_subject_is_the_builds_image_release_architecture_and_packages()
    {
        var context = TestBuildContexts.Create();
        context.StateOf<InstalledPackageList>().Packages = [];
        var image = new ProducedFile("test-bookworm.raw", "1", "2");
        var created = new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero);

        var subject = WriteSbom.Subject(context, image, [], created);

        (subject.ImageName, subject.Codename, subject.Architecture, subject.Created, subject.ToolVersion)
            .ShouldBe(("test-bookworm", "bookworm", "amd64", created, KilnVersion.Current));
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
