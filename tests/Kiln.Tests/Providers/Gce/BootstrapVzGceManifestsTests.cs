using Kiln.Builds;
using Kiln.Manifests;
using Kiln.Tests.Plugins;
using Kiln.Tests.Plugins.VendorRepositories;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Gce;

/// <summary>
/// bootstrap-vz's official gce manifests (tests/Kiln.Tests/BootstrapVz/manifests/official/gce, unchanged): refused only
/// for what changed since (releases without grub-cloud, the ESP's share of the disk, Google's key fetched at build
/// time), each refusal at its place; brought up to date they validate and plan.
/// </summary>
public sealed class BootstrapVzGceManifestsTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    public static TheoryData<string, int, string> Manifests() => new()
    {
        { "buster.yml", 44, "buster" },
        { "buster-minimal.yml", 32, "buster" },
        { "stretch.yml", 44, "stretch" },
        { "jessie-minimal.yml", 32, "jessie" },
    };

    [Theory]
    [MemberData(nameof(Manifests))]
    public void An_official_gce_manifest_is_refused_for_what_changed_since_bootstrap_vz(string manifest, int pluginLine, string release)
    {
        var path = Path.Combine(Repository.Root, "tests", "Kiln.Tests", "BootstrapVz", "manifests", "official", "gce", manifest);

        var errors = Should.Throw<ManifestException>(() => new ManifestReader(TestManifests.Registry).Read(ManifestLoader.LoadFile(path), TestManifests.BuildTime, TestManifests.Options))
            .Errors.Select(e => e.ToString()).ToList();

        errors.ShouldContain($"{path}:9:12: hybrid images need Debian's grub-cloud-amd64, which {release} does not have; use bullseye or later, or firmware bios");
        errors.ShouldContain(e => e.StartsWith($"{path}:18:5: GCE imports disks of whole GiB, but the partitions add up to 10368MiB", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith($"{path}:{pluginLine}:3: Kiln does not download Google's signing key during the build", StringComparison.Ordinal));
        errors.ShouldContain($"{path}:{pluginLine}:3: vendor repositories need bookworm or later: Kiln embeds their signing key in the source entry, which apt reads from bookworm on, and {release} is older");
    }

    [Fact]
    public void The_minimal_manifest_for_trixie_with_google_s_key_and_a_root_that_leaves_room_for_the_esp_plans_a_10_gib_image()
    {
        File.WriteAllBytes(Path.Combine(_workspace.Directory, "google.gpg"), TestKeys.Binary);
        var text = File.ReadAllText(Path.Combine(Repository.Root, "tests", "Kiln.Tests", "BootstrapVz", "manifests", "official", "gce", "buster-minimal.yml"))
            .Replace("release: buster", "release: trixie", StringComparison.Ordinal)
            .Replace("size: 10GiB", "size: 10112MiB", StringComparison.Ordinal)
            .Replace("enable_keyring_repo: true", "enable_keyring_repo: true\n    key: google.gpg", StringComparison.Ordinal);

        var spec = TestManifests.Read(text, _workspace.ManifestPath);

        spec.RequireLayout().TotalSize.Bytes.ShouldBe(10L << 30);
        spec.Outputs.RequireDiskImage().Path.ShouldEndWith("/disk.tar.gz");
        var plan = BuildPlanning.CreatePlan(spec, TestManifests.Registry).Describe();
        plan.ShouldContain("AddGoogleCloudRepository");
        plan.ShouldContain("PackGceDiskArchive");
        plan.ShouldNotContain("ConfigureGceTimeSync", Case.Sensitive, "the manifest's ntp plugin sets the time servers");
    }

    public void Dispose() => _workspace.Dispose();
}
