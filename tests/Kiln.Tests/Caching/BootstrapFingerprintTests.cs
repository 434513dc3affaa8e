using Kiln.Common;
using Kiln.Caching;
using Kiln.Tests.Plugins;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Caching;

public sealed class BootstrapFingerprintTests
{
    [Fact]
    public void Two_builds_of_one_manifest_in_different_build_directories_have_one_fingerprint()
    {
        var first = Fingerprint(Context("kiln-20261122-101010-aaaaaa"));
        var second = Fingerprint(Context("kiln-20261122-111111-bbbbbb"));

        second.ShouldBe(first);
        first.Key.Length.ShouldBe(16);
        first.Text.ShouldContain("\"Target\":\"$BUILD/tree/root\"");
        first.Text.ShouldContain("command: mmdebstrap --verbose --architectures=amd64");
        first.Text.ShouldNotContain("kiln-20261122");
    }

    [Fact]
    public void Another_package_another_early_file_or_another_debconf_answer_changes_the_fingerprint()
    {
        var plain = Fingerprint(Context("kiln-a"));

        var withPackage = Context("kiln-a");
        withPackage.Packages.Add("nginx");
        var withFile = Context("kiln-a");
        withFile.EarlyFiles["/etc/apt/apt.conf.d/10proxy"] = EarlyFile.Text("Acquire::http::Proxy \"http://127.0.0.1:3142\";\n");
        var withAnswer = Context("kiln-a");
        withAnswer.DebconfSelections.Add("tzdata tzdata/Areas select Europe");

        new[] { Fingerprint(withPackage).Key, Fingerprint(withFile).Key, Fingerprint(withAnswer).Key, plain.Key }.Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void Another_bootstrapper_version_changes_the_fingerprint()
    {
        var context = Context("kiln-a");

        BootstrapFingerprint.Compute(context, "mmdebstrap 1.5.7\n").Key.ShouldNotBe(BootstrapFingerprint.Compute(context, "mmdebstrap 1.3.5\n").Key);
    }

    [Fact]
    public void The_package_cache_does_not_change_what_is_bootstrapped()
    {
        using var workspace = new TemporaryWorkspace();
        var withoutCache = Fingerprint(Context("kiln-a", workspace.Paths.Workspace));

        var withCache = Context("kiln-a", workspace.Paths.Workspace, tarball: true);

        Fingerprint(withCache).ShouldBe(withoutCache);
        Directory.Exists(Path.Combine(workspace.Paths.Workspace, "cache", "bookworm-amd64")).ShouldBeTrue("the cache is there, but not in the fingerprint");
    }

    [Fact]
    public void With_the_automatic_cache_an_mmdebstrap_build_keeps_its_packages_per_release_architecture_and_sources()
    {
        using var workspace = new TemporaryWorkspace();
        var packages = Path.Combine(workspace.Paths.Workspace, "kiln-cache", "packages");
        var settings = new TreeCacheSettings(Path.Combine(workspace.Paths.Workspace, "kiln-cache", "trees"), TreeCacheSettings.DefaultSizeLimit) { PackagesDirectory = packages };

        var request = Kiln.Common.Bootstrap.BootstrapSystem.CreateRequest(Context("kiln-a", workspace.Paths.Workspace, cache: settings));
        var otherMirror = Context("kiln-a", workspace.Paths.Workspace, cache: settings, mirror: "http://other.example/debian");

        var key = Kiln.Common.Bootstrap.PackageCache.SourcesKey([Kiln.Packages.AptSourceLine.Parse("deb http://deb.example/debian bookworm main")]);
        request.PackageCache.ShouldBe(Path.Combine(packages, $"bookworm-amd64-{key}"));
        key.ShouldMatch("^[0-9a-f]{12}$");
        request.DownloadedPackages.ShouldBe(Path.Combine(workspace.Paths.Workspace, "kiln-a", "scratch", "downloaded-packages"));
        Kiln.Common.Bootstrap.BootstrapSystem.CreateRequest(otherMirror).PackageCache.ShouldNotBe(request.PackageCache, "another archive may have another file under the same name");
        Fingerprint(Context("kiln-a", workspace.Paths.Workspace, cache: settings)).ShouldBe(Fingerprint(Context("kiln-a", workspace.Paths.Workspace)));
    }

    [Fact]
    public void Without_a_cache_or_tarball_nothing_is_kept_and_debootstrap_keeps_only_what_tarball_asks_for()
    {
        using var workspace = new TemporaryWorkspace();
        var settings = new TreeCacheSettings(Path.Combine(workspace.Paths.Workspace, "trees"), TreeCacheSettings.DefaultSizeLimit) { PackagesDirectory = Path.Combine(workspace.Paths.Workspace, "packages") };

        var none = Kiln.Common.Bootstrap.BootstrapSystem.CreateRequest(Context("kiln-a", workspace.Paths.Workspace));
        var runStore = Kiln.Common.Bootstrap.BootstrapSystem.CreateRequest(Context("kiln-a", workspace.Paths.Workspace, cache: settings with { PackagesDirectory = null }));
        var debootstrap = Kiln.Common.Bootstrap.BootstrapSystem.CreateRequest(Context("kiln-a", workspace.Paths.Workspace, cache: settings, tool: "debootstrap"));
        var debootstrapTarball = Kiln.Common.Bootstrap.BootstrapSystem.CreateRequest(Context("kiln-a", workspace.Paths.Workspace, tarball: true, cache: settings, tool: "debootstrap"));

        none.PackageCache.ShouldBeNull();
        none.DownloadedPackages.ShouldBeNull();
        runStore.PackageCache.ShouldBeNull("a run's own store of trees keeps no packages (the build said --no-cache)");
        debootstrap.PackageCache.ShouldBeNull("debootstrap writes its --cache-dir itself, so builds do not share one");
        debootstrapTarball.PackageCache.ShouldBe(Path.Combine(workspace.Paths.Workspace, "cache", "bookworm-amd64"));
        debootstrapTarball.DownloadedPackages.ShouldBeNull();
    }

    private static BootstrapFingerprint Fingerprint(BuildContext context) => BootstrapFingerprint.Compute(context, "mmdebstrap 1.3.5\n");

    private static BuildContext Context(string buildId, string workspace = "/nonexistent/workspace", bool tarball = false, TreeCacheSettings? cache = null, string tool = "mmdebstrap", string mirror = "http://deb.example/debian")
    {
        var bootstrapper = $"bootstrapper: {{workspace: {workspace}, tarball: {(tarball ? "true" : "false")}, tool: {tool}}}";
        var options = TestManifests.Options with { TreeCache = cache };
        var manifest = TestManifests.Bind(TestManifests.Minimal.Replace("bootstrapper: {}", bootstrapper, StringComparison.Ordinal), options: options);
        var context = new BuildContext(manifest, TestBuildContexts.Paths with { Workspace = workspace, BuildId = buildId }, new FakeCommandRunner(), NullLoggerFactory.Instance);
        context.Sources.AddMain(Kiln.Packages.AptSourceLine.Parse($"deb {mirror} bookworm main"));
        context.Packages.Add("systemd-sysv");
        return context;
    }
}
