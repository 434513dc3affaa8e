using Kiln.Builds;
using Kiln.Caching;
using Kiln.Disks;
using Kiln.Specs;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Builds;

public sealed class ConcurrentBuildMemoryTests
{
    private static readonly ResolveOptions Cached = TestManifests.Options with
    {
        TreeCache = new TreeCacheSettings("/var/cache/kiln/trees", TreeCacheSettings.DefaultSizeLimit),
        AvailableMemory = ByteSize.Parse("24GiB"),
    };

    private static readonly string Large = TestManifests.Minimal.Replace("size: 2GiB", "size: 3GiB", StringComparison.Ordinal);

    [Fact]
    public void The_largest_builds_that_run_at_once_and_the_headroom_must_fit()
    {
        // tmpfs of 4608, 6656 and 4608 MiB; 2 GiB headroom.
        var specs = new[] { TestManifests.Minimal, Large, TestManifests.Minimal }.Select(yaml => TestManifests.Bind(yaml, options: Cached)).ToList();

        ConcurrentBuildMemory.InMemoryBytes(specs, jobs: 2).ShouldBe(ByteSize.Parse("11264MiB").Bytes);
        ConcurrentBuildMemory.Fit(specs, jobs: 2, ByteSize.Parse("13312MiB")).ShouldBeTrue();
        ConcurrentBuildMemory.Fit(specs, jobs: 2, ByteSize.Parse("13311MiB")).ShouldBeFalse();
        ConcurrentBuildMemory.Fit(specs, jobs: 1, ByteSize.Parse("8704MiB")).ShouldBeTrue("one at a time: the larger one");
        ConcurrentBuildMemory.Fit(specs, jobs: 3, ByteSize.Parse("17919MiB")).ShouldBeFalse();
    }

    [Fact]
    public void Builds_on_disk_take_nothing()
    {
        var onDisk = TestManifests.Minimal.Replace("bootstrapper: {}", "bootstrapper: {in_memory: false}", StringComparison.Ordinal);
        var specs = new[] { onDisk, onDisk }.Select(yaml => TestManifests.Bind(yaml, options: Cached)).ToList();

        ConcurrentBuildMemory.InMemoryBytes(specs, jobs: 2).ShouldBe(0);
        ConcurrentBuildMemory.Fit(specs, jobs: 2, ByteSize.Parse("1GiB")).ShouldBeTrue();
        ConcurrentBuildMemory.Fit([TestManifests.Bind(TestManifests.Minimal, options: Cached with { AvailableMemory = null })], 2, ByteSize.Parse("1GiB"))
            .ShouldBeTrue("resolved without the memory known, nothing goes into memory");
    }
}
