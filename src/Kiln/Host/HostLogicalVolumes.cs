using Kiln.Disks;
using Kiln.Disks.Lvm;

namespace Kiln.Host;

/// <summary>The build host's volume groups, as <c>backing: lvm</c> uses them: look before creating, create, remove, rename.</summary>
public sealed class HostLogicalVolumes(ICommandRunner runner)
{
    /// <summary>Why <paramref name="volume"/> cannot be created in <paramref name="group"/> (also under its temporary name), or null.</summary>
    public async Task<string?> RefusalAsync(string group, string volume, string temporaryName, ByteSize size, CancellationToken cancellationToken)
    {
        var groupReport = await runner.RunAsync(HostLogicalVolumeCommands.DescribeGroup(group), cancellationToken);
        HostVolumeGroup? found = null;
        if (groupReport.Succeeded)
        {
            var volumesReport = await runner.RunCheckedAsync(HostLogicalVolumeCommands.ListVolumes(group), cancellationToken);
            found = HostVolumeGroup.From(group, groupReport.StandardOutput, volumesReport.StandardOutput);
        }

        return HostVolumeGroup.Refusal(found, group, volume, temporaryName, size);
    }

    public Task CreateAsync(string group, string volume, ByteSize size, CancellationToken cancellationToken) =>
        runner.RunCheckedAsync(HostLogicalVolumeCommands.Create(group, volume, size), cancellationToken);

    public Task RemoveAsync(string group, string volume, CancellationToken cancellationToken) =>
        runner.RunCheckedAsync(HostLogicalVolumeCommands.Remove(group, volume), cancellationToken);

    public Task RenameAsync(string group, string from, string to, CancellationToken cancellationToken) =>
        runner.RunCheckedAsync(HostLogicalVolumeCommands.Rename(group, from, to), cancellationToken);
}
