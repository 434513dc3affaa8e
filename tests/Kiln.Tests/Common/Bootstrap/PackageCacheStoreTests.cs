using Kiln.Common.Bootstrap;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Bootstrap;

public sealed class PackageCacheStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-package-cache-").FullName;

    private string Staging => Path.Combine(_directory, "staging");

    private string Cache => Path.Combine(_directory, "cache");

    [Fact]
    public void A_first_bootstrap_puts_every_package_it_used_into_the_cache_and_removes_its_staging()
    {
        Stage("libc6_2.41-12_amd64.deb", "libc");
        Stage("systemd_257.9-1_amd64.deb", "systemd");

        var publication = PackageCacheStore.Publish(Staging, Cache, new HashSet<string>());

        publication.ShouldBe(new PackageCachePublication(0, 2, 0));
        publication.ToString().ShouldBe("package cache: 0 of 2 package(s) were cached, 2 added");
        File.ReadAllText(Path.Combine(Cache, "libc6_2.41-12_amd64.deb")).ShouldBe("libc");
        File.ReadAllText(Path.Combine(Cache, "systemd_257.9-1_amd64.deb")).ShouldBe("systemd");
        Directory.Exists(Staging).ShouldBeFalse();
        Directory.GetFiles(Cache, ".*").ShouldBeEmpty("no half-moved file is left");
    }

    [Fact]
    public void A_later_bootstrap_counts_what_was_cached_replaces_a_file_of_the_wrong_size_and_drops_older_versions()
    {
        Cached("libc6_2.41-12_amd64.deb", "libc");
        Cached("systemd_257.8-1_amd64.deb", "old systemd");
        Cached("systemd_257.8-1_arm64.deb", "another architecture");
        Cached("nginx_1.26-1_amd64.deb", "a package this build does not use");
        Cached("udev_257.9-1_amd64.deb", "cut");
        Stage("libc6_2.41-12_amd64.deb", "libc");
        Stage("systemd_257.9-1_amd64.deb", "systemd");
        Stage("udev_257.9-1_amd64.deb", "udev");

        var publication = PackageCacheStore.Publish(Staging, Cache, new HashSet<string>());

        publication.ShouldBe(new PackageCachePublication(1, 2, 1));
        publication.ToString().ShouldBe("package cache: 1 of 3 package(s) were cached, 2 added, 1 older version(s) removed");
        Directory.GetFiles(Cache).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(
            ["libc6_2.41-12_amd64.deb", "nginx_1.26-1_amd64.deb", "systemd_257.8-1_arm64.deb", "systemd_257.9-1_amd64.deb", "udev_257.9-1_amd64.deb"]);
        File.ReadAllText(Path.Combine(Cache, "udev_257.9-1_amd64.deb")).ShouldBe("udev", "a file of another size than the one apt checked is replaced");
    }

    [Fact]
    public void Local_packages_of_the_manifest_and_other_files_stay_out()
    {
        Stage("tool_1.0_amd64.deb", "built here");
        Stage("lock", string.Empty);
        Stage("libc6_2.41-12_amd64.deb", "libc");

        PackageCacheStore.Publish(Staging, Cache, new HashSet<string> { "tool_1.0_amd64.deb" }).ShouldBe(new PackageCachePublication(0, 1, 0));

        Directory.GetFiles(Cache).Select(Path.GetFileName).ShouldBe(["libc6_2.41-12_amd64.deb"]);
    }

    [Fact]
    public void A_half_moved_file_of_a_build_that_died_is_removed_and_one_of_a_running_build_stays()
    {
        Cached($".libc6_2.41-12_amd64.deb.partial-{int.MaxValue}-0123abcd", "dead build");
        Cached($".libc6_2.41-12_amd64.deb.partial-{Environment.ProcessId}-0123abcd", "this process");
        Stage("zlib1g_1.3_amd64.deb", "zlib");

        PackageCacheStore.Publish(Staging, Cache, new HashSet<string>());

        Directory.GetFiles(Cache).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(
            [$".libc6_2.41-12_amd64.deb.partial-{Environment.ProcessId}-0123abcd", "zlib1g_1.3_amd64.deb"]);
    }

    [Fact]
    public void A_bootstrap_that_staged_nothing_changes_nothing()
    {
        Cached("libc6_2.41-12_amd64.deb", "libc");

        PackageCacheStore.Publish(Staging, Cache, new HashSet<string>()).ShouldBe(new PackageCachePublication(0, 0, 0));

        File.Exists(Path.Combine(Cache, "libc6_2.41-12_amd64.deb")).ShouldBeTrue();
    }

    [Fact]
    public void Only_another_version_of_the_same_package_and_architecture_is_superseded()
    {
        PackageCacheStore.Superseded(
                ["a_1_amd64.deb", "a_2_amd64.deb", "a_1_arm64.deb", "b_1_all.deb", "c_3_amd64.deb", "notes.txt"],
                ["a_2_amd64.deb", "b_2_all.deb", "d_1_amd64.deb"])
            .ShouldBe(["a_1_amd64.deb", "b_1_all.deb"]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Stage(string name, string content) => Write(Staging, name, content);

    private void Cached(string name, string content) => Write(Cache, name, content);

    private static void Write(string directory, string name, string content)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name), content);
    }
}
