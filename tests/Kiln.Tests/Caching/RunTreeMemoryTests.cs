using Kiln.Caching;
using Kiln.Disks;
using Kiln.Specs;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Caching;

public sealed class RunTreeMemoryTests
{
    private static readonly TreeCacheSettings Store = new("/var/tmp/kiln/.kiln-run-42-trees", new ByteSize(long.MaxValue));

    private static readonly ResolveOptions InMemory = TestManifests.Options with { RunTrees = Store, AvailableMemory = ByteSize.Parse("24GiB") };

    private static readonly string Trixie = TestManifests.Minimal.Replace("release: bookworm", "release: trixie", StringComparison.Ordinal);

    [Fact]
    public void A_run_of_one_bootstrap_holds_one_tree_and_the_tmpfs_of_as_many_builds_as_run_at_once()
    {
        var specs = Enumerable.Range(0, 3).Select(_ => TestManifests.Bind(TestManifests.Minimal, options: InMemory)).ToList();

        // The store: one 2 GiB tree and 512 MiB scratch; two builds of 4608 MiB each; 2 GiB headroom.
        RunTreeMemory.Decide(specs, Store, jobs: 2, ByteSize.Parse("13824MiB")).ShouldBe(ByteSize.Parse("2560MiB"));
        RunTreeMemory.Decide(specs, Store, jobs: 2, ByteSize.Parse("13823MiB")).ShouldBeNull();
        RunTreeMemory.Decide(specs, Store, jobs: 1, ByteSize.Parse("9216MiB")).ShouldBe(ByteSize.Parse("2560MiB"));
    }

    [Fact]
    public void Each_bootstrap_of_the_run_gets_room_for_its_largest_disk()
    {
        var large = TestManifests.Minimal.Replace("size: 2GiB", "size: 3GiB", StringComparison.Ordinal);
        var specs = new[] { TestManifests.Minimal, large, Trixie }.Select(yaml => TestManifests.Bind(yaml, options: InMemory)).ToList();

        RunTreeMemory.Decide(specs, Store, jobs: 3, ByteSize.Parse("64GiB")).ShouldBe(ByteSize.Parse("5632MiB"));
    }

    [Fact]
    public void The_store_stays_on_disk_when_a_build_of_it_would_or_none_uses_it_or_the_memory_is_unknown()
    {
        var onDisk = TestManifests.Minimal.Replace("bootstrapper: {}", "bootstrapper: {in_memory: false}", StringComparison.Ordinal);
        var plenty = ByteSize.Parse("64GiB");
        RunTreeMemory.Decide([TestManifests.Bind(TestManifests.Minimal, options: InMemory), TestManifests.Bind(onDisk, options: InMemory)], Store, 2, plenty).ShouldBeNull();

        var cache = new TreeCacheSettings("/var/cache/kiln/trees", TreeCacheSettings.DefaultSizeLimit);
        var cached = TestManifests.Bind(TestManifests.Minimal, options: InMemory with { TreeCache = cache });
        cached.TreeCache.ShouldBe(cache);
        RunTreeMemory.Decide([cached], Store, 2, plenty).ShouldBeNull();

        RunTreeMemory.Decide([TestManifests.Bind(TestManifests.Minimal, options: InMemory)], Store, 2, available: null).ShouldBeNull();
    }

    [Fact]
    public void The_builds_of_the_cache_in_the_same_run_count_among_those_that_run_at_once()
    {
        var cache = new TreeCacheSettings("/var/cache/kiln/trees", TreeCacheSettings.DefaultSizeLimit);
        var large = TestManifests.Minimal.Replace("size: 2GiB", "size: 3GiB", StringComparison.Ordinal);
        var specs = new[]
        {
            TestManifests.Bind(TestManifests.Minimal, options: InMemory),
            TestManifests.Bind(large, options: InMemory with { TreeCache = cache }),
        };

        // The store: one 2 GiB tree and 512 MiB scratch; the two builds' tmpfs 4608 and 6656 MiB; 2 GiB headroom.
        RunTreeMemory.Decide(specs, Store, jobs: 2, ByteSize.Parse("15872MiB")).ShouldBe(ByteSize.Parse("2560MiB"));
        RunTreeMemory.Decide(specs, Store, jobs: 2, ByteSize.Parse("15871MiB")).ShouldBeNull();
        RunTreeMemory.Decide(specs, Store, jobs: 1, ByteSize.Parse("11264MiB")).ShouldBe(ByteSize.Parse("2560MiB"), "one at a time: the larger one");
    }

    [Fact]
    public void A_build_with_a_store_goes_into_memory_whether_the_store_is_in_memory_or_not_one_of_the_prebootstrapped_plugin_does_not()
    {
        TestManifests.Bind(TestManifests.Minimal, options: InMemory).InMemoryWorkspace.ShouldNotBeNull("a miss bootstraps into the store through a bind mount");
        TestManifests.Bind(TestManifests.Minimal + "\nplugins:\n  prebootstrapped:\n    folder: /srv/trees\n", options: InMemory with { RunTrees = null }).InMemoryWorkspace
            .ShouldBeNull("the prebootstrapped plugin renames its new tree into its folder");
    }
}
