using Kiln.Common.Bootstrap;
using Kiln.Tasks;

namespace Kiln.Plugins.MinimizeSize;

/// <summary>
/// Removes what the path filters exclude but the bootstrapper put there anyway: mmdebstrap and debootstrap unpack
/// the essential packages themselves, without dpkg's filters. Every later dpkg run honours the filters. The
/// directories the filters exclude go too once they are empty.
/// </summary>
public sealed class RemoveFilteredFiles : BuildTask
{
    public override Phase Phase => Phase.OsInstallation;

    public override string Description => "Removing the files the dpkg path filters exclude";

    public override IReadOnlyList<Type> Predecessors => [typeof(BootstrapSystem)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var filter = DpkgPathFilter.Parse(DpkgFilterFiles.For(context.Spec.SettingsOf<MinimizeSizeSettings>()).Values);
        var removed = filter.ExcludedTrees().Sum(tree => Prune(context.Paths.Root, tree, filter));
        context.Announce($"removed {removed} files the dpkg path filters exclude");
        return Task.CompletedTask;
    }

    /// <summary>Removes the excluded files below <paramref name="tree"/> (a path in the image); returns how many.</summary>
    public static int Prune(string root, string tree, DpkgPathFilter filter)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(filter);
        var directory = new DirectoryInfo(Path.Combine(root, tree.TrimStart('/')));
        return directory.Exists && directory.LinkTarget is null ? PruneDirectory(root, directory, filter) : 0;
    }

    private static int PruneDirectory(string root, DirectoryInfo directory, DpkgPathFilter filter)
    {
        var removed = 0;
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            var pathInImage = "/" + Path.GetRelativePath(root, entry.FullName);
            if (entry is DirectoryInfo child && child.LinkTarget is null)
            {
                removed += PruneDirectory(root, child, filter);
                if (filter.IsExcluded(pathInImage) && !child.EnumerateFileSystemInfos().Any())
                {
                    child.Delete();
                }
            }
            else if (filter.IsExcluded(pathInImage))
            {
                entry.Delete();
                removed++;
            }
        }

        return removed;
    }
}
