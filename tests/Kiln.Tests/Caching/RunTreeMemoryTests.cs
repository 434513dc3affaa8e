using Kiln.Caching;
using Kiln.Disks;
using Kiln.Specs;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Caching;

public sealed class RunTreeMemoryTests
{
    private static readonly TreeCacheSettings Store = new("/var/tmp/kiln/.kiln-run-42-trees", new ByteSize(long.MaxValue));

    private static readonly ResolveOptions InMemory = TestManifests.Options with { RunTrees = Store, RunTreesInMemory = true, AvailableMemory = ByteSize.Parse("24GiB") };

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
    public void A_build_of_a_store_in_memory_goes_into_memory_one_of_a_store_on_disk_does_not()
    {
        TestManifests.Bind(TestManifests.Minimal, options: InMemory).InMemoryWorkspace.ShouldNotBeNull();
        TestManifests.Bind(TestManifests.Minimal, options: InMemory with { RunTreesInMemory = false }).InMemoryWorkspace.ShouldBeNull("its new tree is moved into the store on disk");
        TestManifests.Bind(TestManifests.Minimal + "\nplugins:\n  prebootstrapped:\n    folder: /srv/trees\n", options: InMemory with { RunTrees = null }).InMemoryWorkspace
            .ShouldBeNull("the prebootstrapped plugin keeps its tree on disk too");
    }
}
