using System.Globalization;
using Kiln.Host;

namespace Kiln.Common.Chroot;

/// <summary>
/// The root's own /dev while packages are installed: a tmpfs with the character devices package scripts and tools
/// use, the usual links, a new devpts instance and a /dev/shm. The host's /dev is never bound into the root, so a
/// root tree left mounted by a killed build can be deleted without deleting the host's device nodes.
/// </summary>
public static class ChrootDevices
{
    /// <summary>The device nodes: name, major, minor (all character devices, mode 0666 as on any Linux system).</summary>
    public static IReadOnlyList<(string Name, int Major, int Minor)> Nodes { get; } =
    [
        ("null", 1, 3),
        ("zero", 1, 5),
        ("full", 1, 7),
        ("random", 1, 8),
        ("urandom", 1, 9),
        ("tty", 5, 0),
    ];

    /// <summary>The symbolic links: name and target.</summary>
    public static IReadOnlyList<(string Name, string Target)> Links { get; } =
    [
        ("fd", "/proc/self/fd"),
        ("stdin", "/proc/self/fd/0"),
        ("stdout", "/proc/self/fd/1"),
        ("stderr", "/proc/self/fd/2"),
        ("ptmx", "pts/ptmx"),
    ];

    /// <summary>Options of the tmpfs that is /dev (device nodes allowed, nothing executable).</summary>
    public static IReadOnlyList<string> DevOptions { get; } = ["mode=0755", "size=8m", "nosuid", "noexec"];

    /// <summary>A devpts of its own (the host's terminals stay out of the root); group 5 is tty in Debian.</summary>
    public static IReadOnlyList<string> PtsOptions { get; } = ["newinstance", "ptmxmode=0666", "mode=0620", "gid=5", "nosuid", "noexec"];

    public static IReadOnlyList<string> ShmOptions { get; } = ["mode=1777", "nosuid", "nodev"];

    public static CommandLine MakeNode(string dev, string name, int major, int minor) => new(
        "mknod",
        "-m", "0666", Path.Combine(dev, name), "c", major.ToString(CultureInfo.InvariantCulture), minor.ToString(CultureInfo.InvariantCulture));
}
