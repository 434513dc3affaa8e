using System.Globalization;
using Kiln.Disks;

namespace Kiln.Builds;

/// <summary>
/// How many builds of one run go at once: what <c>--jobs</c> asks, never more than there are builds, cores, or
/// memory for (about <see cref="MemoryPerBuild"/> each: apt, dpkg, mkfs and qemu-img at their peak), with the
/// reason when it is fewer than asked.
/// </summary>
public sealed record JobLimit(int Jobs, string? Reason)
{
    public static readonly ByteSize MemoryPerBuild = ByteSize.FromMiB(1536);

    public static JobLimit For(int requested, int builds, int processors, ByteSize availableMemory)
    {
        if (requested < 1)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"--jobs {requested} is not a number of builds; give 1 or more"));
        }

        var byMemory = (int)Math.Max(1, availableMemory.Bytes / MemoryPerBuild.Bytes);
        var jobs = Math.Min(Math.Min(requested, Math.Max(1, builds)), Math.Min(processors, byMemory));
        if (jobs >= Math.Min(requested, builds))
        {
            return new JobLimit(jobs, null);
        }

        var reason = jobs == processors && processors <= byMemory
            ? $"this machine has {processors} core(s)"
            : $"{availableMemory} of memory is available and a build needs about {MemoryPerBuild}";
        return new JobLimit(jobs, string.Create(CultureInfo.InvariantCulture, $"running {jobs} build(s) at a time instead of {requested}: {reason}"));
    }
}
