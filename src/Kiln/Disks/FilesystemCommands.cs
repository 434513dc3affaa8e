using System.Globalization;
using Kiln.Host;
using Kiln.Manifests;

namespace Kiln.Disks;

/// <summary>The mkfs command lines Kiln uses (pure: they are asserted by tests).</summary>
public static class FilesystemCommands
{
    /// <summary>
    /// mkfs.ext* writing a filesystem filled from <paramref name="sourceDirectory"/> straight into its place in the
    /// disk file: no loop device and no mount.
    /// </summary>
    public static CommandLine ExtAtOffset(FilesystemKind kind, string uuid, string sourceDirectory, string diskFile, ByteSize offset, ByteSize size, DebianRelease release)
    {
        var arguments = new List<string> { "-q", "-F", "-U", uuid };
        arguments.AddRange(ExtCompatibility(kind, release));
        arguments.AddRange(["-E", $"offset={offset.Bytes.ToString(CultureInfo.InvariantCulture)}", "-d", sourceDirectory, diskFile, $"{(size.Bytes / 1024).ToString(CultureInfo.InvariantCulture)}k"]);
        return new CommandLine(ExtProgram(kind), arguments);
    }

    public static string ExtProgram(FilesystemKind kind) => kind switch
    {
        FilesystemKind.Ext2 => "mkfs.ext2",
        FilesystemKind.Ext3 => "mkfs.ext3",
        FilesystemKind.Ext4 => "mkfs.ext4",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an ext filesystem"),
    };

    /// <summary>Features newer mke2fs turns on that the e2fsck and GRUB of releases before bookworm cannot read.</summary>
    public static IEnumerable<string> ExtCompatibility(FilesystemKind kind, DebianRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return kind == FilesystemKind.Ext4 && release < ReleaseCatalog.Bookworm ? ["-O", "^orphan_file,^metadata_csum_seed"] : [];
    }

    /// <summary>mkfs.btrfs filling a filesystem image file from a directory.</summary>
    public static CommandLine BtrfsFromDirectory(string uuid, string sourceDirectory, string imageFile) =>
        new("mkfs.btrfs", "-q", "-f", "-U", uuid, "--rootdir", sourceDirectory, imageFile);

    /// <summary>mkfs for a block device (the mount-and-copy path: XFS, and any filesystem on the way there).</summary>
    public static CommandLine ForDevice(FilesystemKind kind, string uuid, string device) => kind switch
    {
        FilesystemKind.Xfs => new CommandLine("mkfs.xfs", "-q", "-f", "-m", $"uuid={uuid}", device),
        FilesystemKind.Btrfs => new CommandLine("mkfs.btrfs", "-q", "-f", "-U", uuid, device),
        _ => new CommandLine(ExtProgram(kind), "-q", "-F", "-U", uuid, device),
    };

    /// <summary>bootstrap-vz's <c>format_command</c> with its fields filled in: {fs}, {device_path}, {size}.</summary>
    public static CommandLine FromTemplate(IReadOnlyList<string> template, FilesystemKind kind, string device, ByteSize size)
    {
        ArgumentNullException.ThrowIfNull(template);
        var fields = template.Select(part => part
            .Replace("{fs}", kind.ToString().ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("{device_path}", device, StringComparison.Ordinal)
            .Replace("{size}", size.ToString(), StringComparison.Ordinal)).ToList();
        return new CommandLine(fields[0], fields.Skip(1));
    }

    public static CommandLine SwapFile(string uuid, string file) => new("mkswap", "-U", uuid, file);

    /// <summary>Copies an image file into the disk at a byte offset, skipping zero blocks (the disk file is sparse).</summary>
    public static CommandLine CopyInto(string source, string diskFile, ByteSize offset) =>
        new("dd", $"if={source}", $"of={diskFile}", "bs=1M", $"seek={offset.Bytes.ToString(CultureInfo.InvariantCulture)}", "oflag=seek_bytes", "conv=sparse,notrunc", "status=none");

    public static string PackageFor(FilesystemKind kind) => kind switch
    {
        FilesystemKind.Xfs => "xfsprogs",
        FilesystemKind.Btrfs => "btrfs-progs",
        _ => "e2fsprogs",
    };

    public static string ProgramFor(FilesystemKind kind) => kind switch
    {
        FilesystemKind.Xfs => "mkfs.xfs",
        FilesystemKind.Btrfs => "mkfs.btrfs",
        _ => ExtProgram(kind),
    };
}
