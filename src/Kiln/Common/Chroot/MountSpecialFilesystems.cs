using Kiln.Common.Bootstrap;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Chroot;

/// <summary>
/// Mounts /proc and /sys into the root and gives it a /dev of its own (<see cref="ChrootDevices"/>), so that package
/// scripts and tools work in the chroot.
/// </summary>
public sealed class MountSpecialFilesystems : BuildTask
{
    public override Phase Phase => Phase.OsInstallation;

    public override string Description => "Mounting /proc, /sys and /dev in the root";

    public override IReadOnlyList<Type> Predecessors => [typeof(BootstrapSystem)];

    public override IEnumerable<HostTool> Tools => [new HostTool("mount", "mount"), new HostTool("mknod", "coreutils")];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mounts = new Mounts(context.Runner, context.Undo, context.Journal);
        var root = context.Paths.Root;
        foreach (var directory in new[] { "proc", "sys", "dev" })
        {
            Directory.CreateDirectory(Path.Combine(root, directory));
        }

        context.ChrootMounts.Add(await mounts.MountAsync("proc", Path.Combine(root, "proc"), "proc", [], cancellationToken));
        context.ChrootMounts.Add(await mounts.MountAsync("sysfs", Path.Combine(root, "sys"), "sysfs", ["ro"], cancellationToken));
        var dev = Path.Combine(root, "dev");
        context.ChrootMounts.Add(await mounts.MountAsync("kiln-dev", dev, "tmpfs", ChrootDevices.DevOptions, cancellationToken));
        foreach (var (name, major, minor) in ChrootDevices.Nodes)
        {
            await context.Runner.RunCheckedAsync(ChrootDevices.MakeNode(dev, name, major, minor), cancellationToken);
        }

        foreach (var (name, target) in ChrootDevices.Links)
        {
            File.CreateSymbolicLink(Path.Combine(dev, name), target);
        }

        Directory.CreateDirectory(Path.Combine(dev, "pts"));
        Directory.CreateDirectory(Path.Combine(dev, "shm"));
        context.ChrootMounts.Add(await mounts.MountAsync("devpts", Path.Combine(dev, "pts"), "devpts", ChrootDevices.PtsOptions, cancellationToken));
        context.ChrootMounts.Add(await mounts.MountAsync("kiln-shm", Path.Combine(dev, "shm"), "tmpfs", ChrootDevices.ShmOptions, cancellationToken));

        // Runs before the unmounts when rolling back: a daemon or package script left in the chroot keeps them busy.
        context.ChrootMounts.Add(context.Undo.Push("stop processes still running in the root", _ =>
            ProcessTree.TerminateAsync(ProcessTree.RootedIn(root), TimeSpan.FromSeconds(10))));
    }
}
