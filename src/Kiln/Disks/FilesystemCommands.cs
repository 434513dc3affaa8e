using System.Globalization;
using Kiln.Host;
using Kiln.Manifests;

namespace Kiln.Disks;

/// <summary>The mkfs command lines Kiln uses (pure: they are asserted by tests).</summary>
public static class FilesystemCommands
{
    /// <summary>
    /// mkfs.ext* writing a filesystem filled from <paramref name="sourceDirectory"/> straight into its place in the
    /// disk file: no loop device and no mount. With <paramref name="hashSeed"/> the directory hashes are seeded
    /// with it rather than at random.
    /// </summary>
    public static CommandLine ExtAtOffset(FilesystemKind kind, string uuid, string sourceDirectory, string diskFile, ByteSize offset, ByteSize size, DebianRelease release, string? hashSeed = null)
    {
        var arguments = new List<string> { "-q", "-F", "-U", uuid };
        arguments.AddRange(ExtCompatibility(kind, release));
        var extended = $"offset={offset.Bytes.ToString(CultureInfo.InvariantCulture)}" + (hashSeed is null ? string.Empty : $",hash_seed={hashSeed}");
        arguments.AddRange(["-E", extended, "-d", sourceDirectory, diskFile, $"{(size.Bytes / 1024).ToString(CultureInfo.InvariantCulture)}k"]);
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

    /// <summary>mkfs.vfat writing a FAT32 filesystem straight into its place in the disk file (no loop device, no vfat module).</summary>
    /// <remarks>
    /// The cluster size is given: mkfs.fat derives its default from the size of the whole disk file, which can
    /// leave a small ESP with fewer clusters than FAT32 allows. Microsoft's sizes: 512 bytes up to 260 MiB, 4 KiB above.
    /// </remarks>
    public static CommandLine FatAtOffset(string volumeId, string diskFile, ByteSize offset, ByteSize size) =>
        new("mkfs.vfat", "-F", "32", "-S", "512", "-s", size < ByteSize.FromMiB(260) ? "1" : "8", "-i", FatVolumeId.ForMkfs(volumeId),
            "--offset", offset.Sectors.ToString(CultureInfo.InvariantCulture), diskFile, (size.Bytes / 1024).ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// mtools' mcopy putting <paramref name="entries"/> into the directory <paramref name="target"/> (<c>::/</c>, <c>::/EFI/</c>) of that
    /// FAT filesystem in the order given, keeping times, without mounting it. A directory among them is copied with
    /// what it holds (<c>-s</c>), in the order its filesystem lists it: <see cref="FatCopyPlan"/> gives only empty ones.
    /// </summary>
    public static CommandLine FatCopy(string diskFile, ByteSize offset, IEnumerable<string> entries, string target = "::/") =>
        new("mcopy", ["-s", "-p", "-m", "-Q", "-i", $"{diskFile}@@{offset.Bytes.ToString(CultureInfo.InvariantCulture)}", .. entries, target])
        {
            Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["MTOOLS_SKIP_CHECK"] = "1" },
        };

    /// <summary>Copies an image file into the disk at a byte offset, skipping zero blocks (the disk file is sparse).</summary>
    public static CommandLine CopyInto(string source, string diskFile, ByteSize offset) =>
        new("dd", $"if={source}", $"of={diskFile}", "bs=1M", $"seek={offset.Bytes.ToString(CultureInfo.InvariantCulture)}", "oflag=seek_bytes", "conv=sparse,notrunc", "status=none");

    public static string PackageFor(FilesystemKind kind) => kind switch
    {
        FilesystemKind.Xfs => "xfsprogs",
        FilesystemKind.Btrfs => "btrfs-progs",
        FilesystemKind.Vfat => "dosfstools",
        _ => "e2fsprogs",
    };

    public static string ProgramFor(FilesystemKind kind) => kind switch
    {
        FilesystemKind.Xfs => "mkfs.xfs",
        FilesystemKind.Btrfs => "mkfs.btrfs",
        FilesystemKind.Vfat => "mkfs.vfat",
        _ => ExtProgram(kind),
    };
}
