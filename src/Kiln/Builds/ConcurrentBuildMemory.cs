using Kiln.Disks;
using Kiln.Plugins.TmpfsWorkspace;
using Kiln.Specs;

namespace Kiln.Builds;

/// <summary>
/// Whether the builds of one run that would each go into memory on their own (<see cref="InMemoryWorkspace"/>)
/// may do so together: the host's available memory must hold the tmpfs of as many of them as run at a time (the
/// largest) and <see cref="InMemoryWorkspace.Headroom"/> for everything else. Each decided alone against the same
/// available memory, <c>--jobs 2</c> could mount two tmpfs of which only one fits.
/// </summary>
public static class ConcurrentBuildMemory
{
    /// <param name="specs">The run's builds, resolved as if each were alone.</param>
    /// <param name="jobs">How many builds run at a time.</param>
    /// <param name="available">The host's available memory.</param>
    public static bool Fit(IReadOnlyCollection<BuildSpec> specs, int jobs, ByteSize available)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var inMemory = InMemoryBytes(specs, jobs);
        return inMemory == 0 || available.Bytes >= inMemory + InMemoryWorkspace.Headroom.Bytes;
    }

    /// <summary>The tmpfs sizes of the <paramref name="jobs"/> largest builds that go into memory, summed.</summary>
    public static long InMemoryBytes(IEnumerable<BuildSpec> specs, int jobs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        return specs.Select(s => s.InMemoryWorkspace?.Size?.Bytes ?? 0).Where(b => b > 0).OrderDescending().Take(Math.Max(1, jobs)).Sum();
    }
}
