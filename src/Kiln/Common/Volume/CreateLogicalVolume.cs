using Kiln.Disks.Lvm;
using Kiln.Host;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>
/// <c>backing: lvm</c>: creates the disk as a logical volume of the build host's volume group, under a temporary
/// name until the build publishes it, and makes it the disk every later task writes. It refuses when the host
/// has no device-mapper, the group does not exist, the volume exists already, or the group has too little room.
/// The volume is recorded in the journal before it is created and removed on failure or interrupt.
/// </summary>
public sealed class CreateLogicalVolume : BuildTask
{
    private readonly Func<bool> _hasDeviceMapper;
    private readonly Func<string, bool> _deviceExists;

    public CreateLogicalVolume()
        : this(DeviceMapper.IsAvailable, File.Exists)
    {
    }

    /// <summary>With other probes of the host: tests without device-mapper stand in for a host that has it.</summary>
    public CreateLogicalVolume(Func<bool> hasDeviceMapper, Func<string, bool> deviceExists)
    {
        _hasDeviceMapper = hasDeviceMapper;
        _deviceExists = deviceExists;
    }

    public override Phase Phase => Phase.VolumeCreation;

    public override string Description => "Creating the logical volume the disk is written onto";

    public override IEnumerable<HostTool> Tools =>
    [
        new("vgs", "lvm2"), new("lvs", "lvm2"), new("lvcreate", "lvm2"), new("lvremove", "lvm2"), new("lvrename", "lvm2"), new("blkdiscard", "util-linux"),
    ];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Spec.Outputs.LogicalVolume ?? throw new InvalidOperationException("this build declares no logical volume");
        if (!_hasDeviceMapper())
        {
            throw new UserInputException(DeviceMapper.Missing);
        }

        var groupName = output.VolumeGroup;
        var temporary = output.TemporaryName(context.Paths.BuildId);
        var volumes = new HostLogicalVolumes(context.Runner);
        if (await volumes.RefusalAsync(groupName, output.LogicalVolume, temporary, output.VirtualSize, cancellationToken) is { } refusal)
        {
            throw new UserInputException(refusal);
        }

        context.Journal.Record(new Acquisition(Acquisition.LogicalVolume, $"{groupName}/{temporary}"));
        await volumes.CreateAsync(groupName, temporary, output.VirtualSize, cancellationToken);
        var state = context.StateOf<LogicalVolumeState>();
        state.TemporaryName = temporary;
        state.Removal = context.Undo.Push($"remove the unfinished logical volume {groupName}/{temporary}", ct => volumes.RemoveAsync(groupName, temporary, ct));
        var device = output.DevicePath(temporary);
        if (!_deviceExists(device))
        {
            throw new KilnException($"lvcreate made {groupName}/{temporary}, but {device} does not exist (is udev running, or does LVM create its own device links here?)");
        }

        await BlockDeviceDisk.UseAsync(context, device, cancellationToken);
    }
}
