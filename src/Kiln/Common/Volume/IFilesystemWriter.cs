using Kiln.Disks;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>Creates one partition's filesystem in the disk file, filled with a directory tree.</summary>
public interface IFilesystemWriter
{
    IEnumerable<HostTool> RequiredTools(DiskPartition partition);

    Task WriteAsync(BuildContext context, DiskPartition partition, string sourceDirectory, CancellationToken cancellationToken);
}
