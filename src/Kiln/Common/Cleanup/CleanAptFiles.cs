using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Cleanup;

/// <summary>Removes apt's package lists, caches and downloaded packages: the image's apt fetches fresh lists when it is used.</summary>
public sealed class CleanAptFiles : BuildTask
{
    public override Phase Phase => Phase.SystemCleaning;

    public override string Description => "Cleaning apt's lists and caches";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Chroot.RunAsync(new CommandLine("apt-get", "clean"), cancellationToken);
        Empty(context.Paths.InRoot("/var/lib/apt/lists"), keep: ["lock", "partial"]);
        Empty(context.Paths.InRoot("/var/lib/apt/lists/partial"), keep: []);
    }

    private static void Empty(string directory, string[] keep)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(directory).Where(f => !keep.Contains(Path.GetFileName(f))))
        {
            File.Delete(file);
        }
    }
}
