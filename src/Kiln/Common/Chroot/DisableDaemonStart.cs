using Kiln.Tasks;

namespace Kiln.Common.Chroot;

/// <summary>Installs a policy-rc.d that stops package scripts from starting daemons in the chroot; removed before the image is written.</summary>
public sealed class DisableDaemonStart : BuildTask
{
    private const string PolicyPath = "/usr/sbin/policy-rc.d";

    public override Phase Phase => Phase.OsInstallation;

    public override string Description => "Keeping package scripts from starting daemons";

    public override IReadOnlyList<Type> Predecessors => [typeof(MountSpecialFilesystems)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ExistsInImage(PolicyPath))
        {
            return Task.CompletedTask;
        }

        var path = context.WriteFile(PolicyPath, "#!/bin/sh\n# Written by Kiln while the image is built: no daemon starts in the chroot.\nexit 101\n", ImageFiles.Executable);
        context.BuildOnlyChanges.Add(context.Undo.Push($"remove {PolicyPath} from the image", _ =>
        {
            File.Delete(path);
            return Task.CompletedTask;
        }));
        return Task.CompletedTask;
    }
}
