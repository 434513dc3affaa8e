using System.Globalization;
using Kiln.Disks;
using Kiln.Host;

namespace Kiln.Tasks;

/// <summary>
/// Turns a failure whose cause is buried in a tool's output into the sentence a user needs: a full disk says
/// which filesystem is full, how much is free, and about how much the build needs (the tool's own error
/// lines stay in the log).
/// </summary>
public static class FailureExplanation
{
    private const string NoSpace = "No space left on device";

    public static Exception Explain(Exception error, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(context);
        if (!IsNoSpace(error))
        {
            return error;
        }

        var paths = context.Paths;
        var (path, free) = new[] { paths.BuildDirectory, paths.Workspace, paths.OutputDirectory }
            .Select(p => (Path: p, Free: FreeBytes(p)))
            .Where(p => p.Free is not null)
            .OrderBy(p => p.Free)
            .Select(p => (p.Path, p.Free!.Value))
            .FirstOrDefault((paths.Workspace, 0L));
        return new KilnException(Describe(path, free, NeededBytes(context)), error);
    }

    public static string Describe(string path, long freeBytes, long neededBytes) => string.Create(
        CultureInfo.InvariantCulture,
        $"no space left on {path}: {freeBytes >> 20} MiB free, the build needs about {neededBytes >> 20} MiB; free some space there, or build elsewhere with --workspace and --output");

    public static bool IsNoSpace(Exception error)
    {
        for (var current = (Exception?)error; current is not null; current = current.InnerException)
        {
            var noSpace = current switch
            {
                CommandFailedException failed => (failed.Result.StandardError + failed.Result.StandardOutput).Contains(NoSpace, StringComparison.OrdinalIgnoreCase),
                IOException io => io.Message.Contains(NoSpace, StringComparison.OrdinalIgnoreCase) || io.HResult == 28 || io.HResult == 112,
                _ => current.Message.Contains(NoSpace, StringComparison.OrdinalIgnoreCase),
            };
            if (noSpace)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An estimate: the root tree, the disk's filled filesystems and the converted image, about 2.5 times the tree, at least 1 GiB.</summary>
    private static long NeededBytes(BuildContext context)
    {
        long tree = 0;
        var root = context.Paths.Root;
        try
        {
            // The root may still have /proc, /sys and /dev mounted when the disk fills up.
            tree = Directory.Exists(root) ? TreeSize.Estimate(root, MountTable.Below(MountTable.ReadMountPoints(), root)).Bytes : 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // An explanation never fails the explaining: without the tree's size the estimate is the minimum.
        }

        return Math.Max(1L << 30, (long)(tree * 2.5));
    }

    private static long? FreeBytes(string path)
    {
        for (var current = path; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            if (Directory.Exists(current))
            {
                try
                {
                    return new DriveInfo(current).AvailableFreeSpace;
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
                {
                    return null;
                }
            }
        }

        return null;
    }
}
