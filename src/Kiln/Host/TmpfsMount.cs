using System.Globalization;
using Kiln.Disks;

namespace Kiln.Host;

/// <summary>The command line that mounts a tmpfs: a build directory's (tmpfs_workspace, a build in memory) or a run's store of trees.</summary>
public static class TmpfsMount
{
    /// <param name="name">The source name <c>/proc/mounts</c> shows, which tells Kiln's tmpfs apart.</param>
    /// <param name="directory">The mount point.</param>
    /// <param name="mode">The mode of its top directory (octal).</param>
    /// <param name="size">Its limit, or null for the kernel's default (half the memory).</param>
    /// <param name="noAtime">Never move access times (a store whose times go into images).</param>
    public static CommandLine Command(string name, string directory, string mode, ByteSize? size, bool noAtime = false)
    {
        var options = new List<string> { $"mode={mode}" };
        if (noAtime)
        {
            options.Add("noatime");
        }

        if (size is { } limit)
        {
            options.Add(string.Create(CultureInfo.InvariantCulture, $"size={limit.Bytes}"));
        }

        return new CommandLine("mount", "-t", "tmpfs", "-o", string.Join(',', options), name, directory);
    }
}
