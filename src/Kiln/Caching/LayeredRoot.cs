using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Caching;

/// <summary>
/// A root tree layered on a stored tree instead of copied from it: an overlay mounted on the build's tree
/// directory (<see cref="BuildPaths.Tree"/>) whose lower layer is the stored entry, read only and never changed
/// while it is mounted, and whose upper layer takes this build's changes. A cache hit then costs a mount instead of
/// copying the whole tree. Files whose times or owners change later are copied up as metadata only (metacopy), and
/// hard links stay links when one of them changes (index). Where the kernel has no overlay filesystem, or refuses
/// these options, the caller copies the tree as before.
/// </summary>
public static class LayeredRoot
{
    public const string FilesystemType = "overlay";

    public const string Source = "kiln-tree";

    /// <summary>
    /// The overlay's mount options, or null when a path holds a character those options cannot carry
    /// (a comma or colon separates options and layers).
    /// </summary>
    public static IReadOnlyList<string>? Options(string lower, string upper, string work)
    {
        string[] paths = [lower, upper, work];
        if (paths.Any(p => p.IndexOfAny([',', ':', '\\', '"', '\'']) >= 0))
        {
            return null;
        }

        return [$"lowerdir={lower}", $"upperdir={upper}", $"workdir={work}", "index=on", "metacopy=on"];
    }

    /// <summary>
    /// Mounts the overlay on <see cref="BuildPaths.Tree"/> with <paramref name="entry"/> (which holds <c>root/</c>) as its
    /// lower layer, registered on the undo stack and in the journal like every mount. Returns false, with a note,
    /// when the overlay cannot be mounted here; nothing is left mounted then.
    /// </summary>
    public static async Task<bool> TryMountAsync(BuildContext context, string entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var upper = Path.Combine(context.Paths.TreeLayers, "upper");
        var work = Path.Combine(context.Paths.TreeLayers, "work");
        var options = Options(entry, upper, work);
        if (options is null)
        {
            context.Announce($"note: the stored tree is copied: its path or the build's ({entry}, {context.Paths.TreeLayers}) cannot be written in the overlay's options");
            return false;
        }

        Directory.CreateDirectory(upper);
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(context.Paths.Tree);
        try
        {
            var mounted = context.StateOf<LayeredRootMount>();
            mounted.Unmount = await new Mounts(context.Runner, context.Undo, context.Journal)
                .MountAsync(Source, context.Paths.Tree, FilesystemType, options, cancellationToken);
            mounted.SpansFilesystems = FileDevices.Of(entry) != FileDevices.Of(upper);
            return true;
        }
        catch (CommandFailedException failure)
        {
            context.Announce($"note: the stored tree is copied: this kernel did not mount it as an overlay ({failure.Result.StandardError.Trim()})");
            return false;
        }
    }
}
