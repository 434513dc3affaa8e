using Kiln.Tasks;

namespace Kiln.Common.Ssh;

/// <summary>Removes the host keys the package created while the image was built: no two machines may share them.</summary>
public sealed class RemoveSshHostKeys : BuildTask
{
    public override Phase Phase => Phase.SystemCleaning;

    public override string Description => "Removing the SSH host keys";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directory = context.Paths.InRoot("/etc/ssh");
        if (Directory.Exists(directory))
        {
            foreach (var key in Directory.GetFiles(directory, "ssh_host_*"))
            {
                File.Delete(key);
            }
        }

        return Task.CompletedTask;
    }
}
