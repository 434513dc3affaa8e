using Kiln.Common.Bootstrap;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Chroot;

/// <summary>Mounts /proc, /sys, /dev and /dev/pts into the root so that package scripts and tools work in the chroot.</summary>
public sealed class MountSpecialFilesystems : BuildTask
{
    public override Phase Phase => Phase.OsInstallation;

    public override string Description => "Mounting /proc, /sys and /dev in the root";

    public override IReadOnlyList<Type> Predecessors => [typeof(BootstrapSystem)];

    public override IEnumerable<HostTool> RequiredTools(Manifests.Manifest manifest) => [new HostTool("mount", "mount")];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mounts = new Mounts(context.Runner, context.Undo);
        var root = context.Paths.Root;
        foreach (var directory in new[] { "proc", "sys", "dev" })
        {
            Directory.CreateDirectory(Path.Combine(root, directory));
        }

        context.ChrootMounts.Add(await mounts.MountAsync("proc", Path.Combine(root, "proc"), "proc", [], cancellationToken));
        context.ChrootMounts.Add(await mounts.MountAsync("sysfs", Path.Combine(root, "sys"), "sysfs", ["ro"], cancellationToken));
        context.ChrootMounts.Add(await mounts.BindAsync("/dev", Path.Combine(root, "dev"), cancellationToken));
        if (Directory.Exists("/dev/pts"))
        {
            context.ChrootMounts.Add(await mounts.BindAsync("/dev/pts", Path.Combine(root, "dev", "pts"), cancellationToken));
        }

        // Runs before the unmounts when rolling back: a daemon or package script left in the chroot keeps them busy.
        context.ChrootMounts.Add(context.Undo.Push("stop processes still running in the root", _ =>
            ProcessTree.TerminateAsync(ProcessTree.RootedIn(root), TimeSpan.FromSeconds(10))));
    }
}
