using System.Globalization;
using Kiln.Disks;
using Kiln.Host;

namespace Kiln.Providers.Gce;

/// <summary>
/// The archive GCE imports: the raw disk as <c>disk.raw</c>, alone in a GNU tar (oldgnu headers, sparse, so the
/// holes of the disk cost nothing), gzip-compressed, named <c>NAME.tar.gz</c>. Owner and group 0 by number and,
/// with SOURCE_DATE_EPOCH, that time as the member's mtime; gzip stores no name or time: the same disk gives the
/// same bytes.
/// </summary>
public static class GceDiskArchive
{
    /// <summary>The one member's name, which GCE requires.</summary>
    public const string MemberName = "disk.raw";

    public const string Extension = "tar.gz";

    /// <summary>The format as publication records and DiskImageOutput name it; the disk inside is raw.</summary>
    public static DiskImageFormat Format { get; } = new(Extension, Extension, "raw", []);

    /// <summary>GNU tar writing the archive of <paramref name="rawDisk"/> (a file named disk.raw) to <paramref name="archive"/>.</summary>
    public static CommandLine Command(string rawDisk, string archive, long? sourceDateEpoch)
    {
        ArgumentNullException.ThrowIfNull(rawDisk);
        if (Path.GetFileName(rawDisk) != MemberName)
        {
            throw new ArgumentException($"the raw disk must be named {MemberName}, not {Path.GetFileName(rawDisk)}", nameof(rawDisk));
        }

        var arguments = new List<string>
        {
            "--create", "--file", archive, "--directory", Path.GetDirectoryName(rawDisk)!,
            "--format=oldgnu", "--sparse", "--numeric-owner", "--owner=0", "--group=0",
            "--use-compress-program=gzip --no-name",
        };
        if (sourceDateEpoch is { } epoch)
        {
            arguments.Add($"--mtime=@{epoch.ToString(CultureInfo.InvariantCulture)}");
        }

        arguments.Add(MemberName);
        return new CommandLine("tar", arguments);
    }
}
