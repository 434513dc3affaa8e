using Kiln.Builds;
using Kiln.Disks;
using Kiln.Host;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Builds;

/// <summary>The pure parts of a run of several manifests: start order, the number of jobs, collisions, the exit code.</summary>
public sealed class BatchRunTests
{
    [Fact]
    public void The_first_build_of_every_bootstrap_group_starts_before_any_second_one()
    {
        BuildQueue.Order(["a", "a", "b", "a", "c", "b"]).ShouldBe([0, 2, 4, 1, 3, 5]);
        BuildQueue.Order([]).ShouldBeEmpty();
    }

    [Fact]
    public void Manifests_that_differ_in_what_is_decided_after_the_bootstrap_are_in_one_group()
    {
        var renamed = TestManifests.Bind(TestManifests.Minimal.Replace("release: bookworm", "release: bookworm\n  hostname: two", StringComparison.Ordinal));
        var otherRelease = TestManifests.Bind(TestManifests.Minimal.Replace("release: bookworm", "release: trixie", StringComparison.Ordinal));

        BootstrapGroup.KeyOf(renamed).ShouldBe(BootstrapGroup.KeyOf(TestManifests.Bind(TestManifests.Minimal)));
        BootstrapGroup.KeyOf(otherRelease).ShouldNotBe(BootstrapGroup.KeyOf(renamed));
    }

    [Theory]
    [InlineData(1, 3, 2, 8192, 1, null)]
    [InlineData(2, 3, 2, 8192, 2, null)]
    [InlineData(4, 2, 8, 8192, 2, null)]
    [InlineData(4, 5, 2, 8192, 2, "running 2 build(s) at a time instead of 4: this machine has 2 core(s)")]
    [InlineData(4, 5, 8, 3500, 2, "running 2 build(s) at a time instead of 4: 3500MiB of memory is available and a build needs about 1536MiB")]
    [InlineData(2, 2, 4, 1000, 1, "running 1 build(s) at a time instead of 2: 1000MiB of memory is available and a build needs about 1536MiB")]
    public void Jobs_stay_within_the_builds_the_cores_and_the_memory(int requested, int builds, int cores, long memoryMiB, int expected, string? reason)
    {
        var limit = JobLimit.For(requested, builds, cores, ByteSize.FromMiB(memoryMiB));

        limit.ShouldBe(new JobLimit(expected, reason));
    }

    [Fact]
    public void Zero_jobs_is_refused()
    {
        Should.Throw<UserInputException>(() => JobLimit.For(0, 2, 2, ByteSize.FromMiB(8192))).Message.ShouldBe("--jobs 0 is not a number of builds; give 1 or more");
    }

    [Fact]
    public void Available_memory_is_read_from_meminfo_in_kib()
    {
        HostMemory.Parse("MemTotal:       24000000 kB\nMemFree:         1000000 kB\nMemAvailable:   12582912 kB\n").ShouldBe(ByteSize.FromMiB(12288));
        HostMemory.Parse("MemTotal:       24000000 kB\nMemFree:         1048576 kB\n").ShouldBe(ByteSize.FromMiB(1024));
    }

    [Fact]
    public void Two_manifests_that_would_write_one_file_are_refused_before_anything_is_built()
    {
        var spec = TestManifests.Bind(TestManifests.Minimal);
        var other = TestManifests.Bind(TestManifests.Minimal.Replace("name: test-{system.release}", "name: other", StringComparison.Ordinal));

        OutputCollisions.Check([(spec, "a.yml"), (other, "b.yml")]);
        Should.Throw<UserInputException>(() => OutputCollisions.Check([(spec, "a.yml"), (other, "b.yml"), (spec, "c.yml")]))
            .Message.ShouldBe($"a.yml and c.yml would all write {spec.Outputs.All[0].Location}; give the manifests different names (name:) or different output directories");
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0 }, 0)]
    [InlineData(new[] { 0, 1, 0 }, 1)]
    [InlineData(new[] { 1, 2, 0 }, 2)]
    [InlineData(new[] { 2, 130, 1 }, 130)]
    public void The_run_exits_with_the_gravest_outcome_of_its_builds(int[] codes, int expected) =>
        BatchExitCode.Of(codes).ShouldBe(expected);
}
