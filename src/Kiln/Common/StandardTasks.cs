using Kiln.Common.Apt;
using Kiln.Common.Bootstrap;
using Kiln.Common.Chroot;
using Kiln.Common.Cleanup;
using Kiln.Common.Host;
using Kiln.Common.Locale;
using Kiln.Common.Network;
using Kiln.Common.Packages;
using Kiln.Common.Sbom;
using Kiln.Common.Services;
using Kiln.Common.Volume;
using Kiln.Common.Workspace;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Common;

/// <summary>The tasks every disk image build needs, chosen from the manifest (bootstrap-vz's standard task groups).</summary>
public static class StandardTasks
{
    public static void AddTo(TaskSet tasks, BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(spec);
        AddSystemTasks(tasks, spec);
        tasks.Add<AddNetworkPackages>().Add<ConfigureNetwork>();
        AddVolumeTasks(tasks, spec);
        spec.Platform.BootChain.AddTasks(tasks, spec);
    }

    /// <summary>The tasks of every build, also of one without a disk, bootloader or network configuration (a container image).</summary>
    public static void AddSystemTasks(TaskSet tasks, BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(spec);
        tasks.Add<CheckHostTools>()
            .Add<CreateBuildDirectory>()
            .Add<RemoveRootTree>()
            .Add<RemoveBootstrapSettings>()
            .Add<ChooseMirror>()
            .Add<ResolveRelease>()
            .Add<AddDefaultSources>()
            .Add<AddManifestSources>()
            .Add<PrepareAptConfiguration>()
            .Add<AddManifestPackages>()
            .Add<BootstrapSystem>()
            .Add<MountSpecialFilesystems>()
            .Add<DisableDaemonStart>()
            .Add<ProvideHostResolvConf>()
            .Add<InstallPackages>()
            .Add<UnmountSpecialFilesystems>()
            .Add<AddLocalePackages>()
            .Add<ConfigureLocale>()
            .Add<SetTimezone>()
            .Add<SetHostname>()
            .Add<EnableUnits>()
            .Add<ClearMachineId>()
            .Add<MarkSystemUpdated>()
            .Add<RemoveBuildRecords>()
            .Add<CleanAptFiles>()
            .Add<CleanTemporaryFiles>();
        if (spec.RunsUnderEmulation)
        {
            tasks.Add<Bootstrap.RunForeignArchitecture>();
        }
    }

    public static void AddSshServer(TaskSet tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<Ssh.AddSshServer>().Add<Ssh.GenerateHostKeysAtFirstBoot>().Add<Ssh.RemoveSshHostKeys>();
    }

    private static void AddVolumeTasks(TaskSet tasks, BuildSpec spec)
    {
        var layout = spec.RequireLayout();
        if (spec.InMemoryWorkspace is not null)
        {
            tasks.Add<Plugins.TmpfsWorkspace.MountTmpfsOnBuildDirectory>();
        }

        tasks.Add<AddFilesystemPackages>()
            .Add<Services.WaitLongerForDevices>()
            .Add<ProvideBootstrapFstab>()
            .Add<WriteFstab>()
            .Add<ClampFileTimes>()
            .Add<WriteFilesystems>()
            .Add<WriteBootRecord>()
            .Add<ReadInstalledPackages>()
            .Add<WritePackageList>()
            .Add<WriteSbom>()
            .Add<Workspace.PublishOutputs>();
        if (spec.Outputs.LogicalVolume is not null)
        {
            // backing: lvm writes the disk onto the host's logical volume; there is no file to convert.
            tasks.Add<CreateLogicalVolume>().Add<PublishLogicalVolume>();
        }
        else
        {
            tasks.Add<CreateDiskImage>().Add<ConvertImage>();
        }

        if (layout.Map != Disks.PartitionMapKind.None)
        {
            tasks.Add<PartitionDiskImage>();
        }

        if (layout.VolumeGroup is not null)
        {
            tasks.Add<AddLvmPackages>().Add<WriteVolumeGroup>();
        }
    }
}
