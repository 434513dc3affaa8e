using System.Globalization;
using Kiln.Disks;
using Kiln.Specs;

namespace Kiln.Builds;

/// <summary>
/// Checks before anything is built that the output directory can take the image: it exists or can be made, it
/// is a directory, Kiln can write there, and it has room for about the image (a quarter of the disk's size,
/// at least 256 MiB: images are sparse or compressed). Each problem is one sentence, exit code 2.
/// </summary>
public static class OutputDirectoryCheck
{
    public static void Check(BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var directory = spec.OutputDirectory;
        if (File.Exists(directory))
        {
            throw new UserInputException($"the output directory {directory} is a file; give --output a directory (the image goes into it as {Path.GetFileName(spec.Outputs.DiskImage?.Path ?? "NAME")})");
        }

        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".kiln-write-test-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"the output directory {directory} cannot be written ({exception.Message}); choose another with --output", exception);
        }

        if (spec.Outputs.DiskImage is { } image)
        {
            var needed = Needed(image);
            var free = new DriveInfo(directory).AvailableFreeSpace;
            if (free < needed.Bytes)
            {
                throw new UserInputException($"no space left on {directory}: {free >> 20} MiB free, the image needs about {needed.Bytes >> 20} MiB; free some space, or choose another --output");
            }
        }
    }

    public static ByteSize Needed(DiskImageOutput image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new ByteSize(Math.Max(256L << 20, image.VirtualSize.Bytes / 4));
    }
}
