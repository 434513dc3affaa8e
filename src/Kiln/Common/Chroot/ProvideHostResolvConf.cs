using Kiln.Tasks;

namespace Kiln.Common.Chroot;

/// <summary>Lets apt in the chroot resolve names with the host's resolv.conf; the image's own file or link is put back afterwards.</summary>
public sealed class ProvideHostResolvConf : BuildTask
{
    public override Phase Phase => Phase.OsInstallation;

    public override string Description => "Using the host's name resolution in the root";

    public override IReadOnlyList<Type> Predecessors => [typeof(MountSpecialFilesystems)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!File.Exists("/etc/resolv.conf"))
        {
            return Task.CompletedTask;
        }

        var target = context.Paths.InRoot("/etc/resolv.conf");
        // Beside the root, on its filesystem: the image's file is usually a symbolic link, which only a rename moves as it is.
        var saved = Path.Combine(context.Paths.Tree, ".resolv.conf.image");
        var hadOwn = context.ExistsInImage("/etc/resolv.conf");
        if (hadOwn)
        {
            File.Move(target, saved);
        }

        File.WriteAllText(target, File.ReadAllText("/etc/resolv.conf"));
        context.BuildOnlyChanges.Add(context.Undo.Push("restore the image's /etc/resolv.conf", _ =>
        {
            File.Delete(target);
            if (hadOwn)
            {
                File.Move(saved, target);
            }

            return Task.CompletedTask;
        }));
        return Task.CompletedTask;
    }
}
