using Kiln.Builds;
using Kiln.Caching;
using Kiln.Disks;
using Kiln.Manifests;
using Kiln.Plugins.TmpfsWorkspace;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.TmpfsWorkspace;

public sealed class InMemoryWorkspaceTests
{
    private static readonly ByteSize Disk = ByteSize.Parse("2GiB");

    [Fact]
    public void A_build_that_keeps_no_tree_goes_into_a_tmpfs_of_twice_its_disk_and_some_scratch_room()
    {
        InMemoryWorkspace.Decide(new BootstrapperSection(), keepsTree: false, hasTmpfsPlugin: false, Disk, ByteSize.Parse("24GiB"))
            .ShouldBe(new TmpfsWorkspaceSettings(ByteSize.Parse("4608MiB")));
    }

    [Fact]
    public void It_needs_two_gib_of_available_memory_beyond_the_tmpfs()
    {
        InMemoryWorkspace.Decide(new BootstrapperSection(), false, false, Disk, ByteSize.Parse("6656MiB")).ShouldNotBeNull();
        InMemoryWorkspace.Decide(new BootstrapperSection(), false, false, Disk, ByteSize.Parse("6655MiB")).ShouldBeNull();
    }

    [Fact]
    public void A_stored_tree_the_plugin_itself_no_disk_unknown_memory_or_in_memory_false_build_on_disk()
    {
        var plenty = ByteSize.Parse("64GiB");
        InMemoryWorkspace.Decide(new BootstrapperSection(), keepsTree: true, false, Disk, plenty).ShouldBeNull("the tree is moved into the cache afterwards");
        InMemoryWorkspace.Decide(new BootstrapperSection(), false, hasTmpfsPlugin: true, Disk, plenty).ShouldBeNull("the plugin mounts its own");
        InMemoryWorkspace.Decide(new BootstrapperSection(), false, false, disk: null, plenty).ShouldBeNull("a container image has no disk to size it by");
        InMemoryWorkspace.Decide(new BootstrapperSection(), false, false, Disk, available: null).ShouldBeNull();
        InMemoryWorkspace.Decide(new BootstrapperSection { InMemory = false }, false, false, Disk, plenty).ShouldBeNull();
    }

    [Fact]
    public void A_build_on_a_host_with_the_memory_plans_the_tmpfs_with_the_cache_or_without_alone_or_in_a_run()
    {
        var memory = TestManifests.Options with { AvailableMemory = ByteSize.Parse("24GiB") };
        var cache = new TreeCacheSettings("/var/cache/kiln/trees", TreeCacheSettings.DefaultSizeLimit);
        var cached = memory with { TreeCache = cache };
        var cachedInARun = cached with { RunTrees = new TreeCacheSettings("/var/tmp/kiln/.kiln-run-1-trees", TreeCacheSettings.DefaultSizeLimit) };

        Names(TestManifests.Minimal, memory).ShouldContain("MountTmpfsOnBuildDirectory");
        TestManifests.Bind(TestManifests.Minimal, options: memory).InMemoryWorkspace.ShouldNotBeNull();
        Names(TestManifests.Minimal, cached).ShouldContain("MountTmpfsOnBuildDirectory", "a miss bootstraps into the cache through a bind mount, a hit is layered on it");
        Names(TestManifests.Minimal, cachedInARun).ShouldContain("MountTmpfsOnBuildDirectory", "in a run of several manifests too (whether they fit together is the run's decision)");
        Names(TestManifests.Minimal + "\nplugins:\n  prebootstrapped:\n    folder: /srv/trees\n", cached).ShouldNotContain("MountTmpfsOnBuildDirectory", "the new tree is renamed into the plugin's folder");
        Names(TestManifests.Minimal, TestManifests.Options).ShouldNotContain("MountTmpfsOnBuildDirectory");
        Names(TestManifests.Minimal.Replace("bootstrapper: {}", "bootstrapper: {in_memory: false}", StringComparison.Ordinal), memory).ShouldNotContain("MountTmpfsOnBuildDirectory");
        TestManifests.ErrorsOf(TestManifests.Minimal.Replace("bootstrapper: {}", "bootstrapper: {in_memory: false}", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    private static List<string> Names(string yaml, Kiln.Specs.ResolveOptions options) =>
        [.. BuildPlanning.CreatePlan(TestManifests.Bind(yaml, options: options), TestManifests.Registry).Tasks.Select(t => t.Name)];
}
