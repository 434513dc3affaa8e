using Kiln.Common.Apt;
using Kiln.Common.Boot;
using Kiln.Common.Bootstrap;
using Kiln.Common.Chroot;
using Kiln.Common.Cleanup;
using Kiln.Common.Host;
using Kiln.Common.Locale;
using Kiln.Common.Network;
using Kiln.Common.Packages;
using Kiln.Common.Services;
using Kiln.Common.Volume;
using Kiln.Common.Workspace;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Common;

/// <summary>The tasks every disk image build needs, chosen from the manifest (bootstrap-vz's standard task groups).</summary>
public static class StandardTasks
{
    public static void AddTo(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(manifest);
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
            .Add<AddNetworkPackages>()
            .Add<ConfigureNetwork>()
            .Add<EnableUnits>()
            .Add<ClearMachineId>()
            .Add<CleanAptFiles>()
            .Add<CleanTemporaryFiles>();
        AddVolumeTasks(tasks, manifest);
        AddBootloaderTasks(tasks, manifest);
    }

    public static void AddSshServer(TaskSet tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<Ssh.AddSshServer>().Add<Ssh.GenerateHostKeysAtFirstBoot>().Add<Ssh.RemoveSshHostKeys>();
    }

    private static void AddVolumeTasks(TaskSet tasks, Manifest manifest)
    {
        tasks.Add<ComputeDiskLayout>()
            .Add<CreateDiskImage>()
            .Add<WriteFstab>()
            .Add<WriteFilesystems>()
            .Add<ConvertImage>();
        if (manifest.Volume.PartitionMap != Disks.PartitionMapKind.None)
        {
            tasks.Add<PartitionDiskImage>();
        }
    }

    private static void AddBootloaderTasks(TaskSet tasks, Manifest manifest)
    {
        switch (manifest.System.Bootloader)
        {
            case Bootloader.Grub:
                tasks.Add<AddGrubPackages>().Add<ConfigureGrub>().Add<InstallGrubBootCode>();
                break;
            case Bootloader.Extlinux:
                tasks.Add<AddExtlinuxPackages>().Add<ConfigureExtlinux>().Add<InstallExtlinux>();
                break;
        }
    }
}
