namespace Kiln.Plugins.FileCopy;

/// <summary>
/// Resolves a path as the image would see it: symbolic links inside the root tree are followed relative to
/// the root (an absolute link such as /var/run -> /run points into the image, never into the host).
/// </summary>
public static class ImagePaths
{
    private const int MaxLinks = 40;

    /// <summary>The path in the image with every link of its existing part followed.</summary>
    public static string Resolve(string root, string pathInImage)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(pathInImage);
        var pending = new Stack<string>(Components(pathInImage).Reverse());
        var resolved = new List<string>();
        var links = 0;
        while (pending.TryPop(out var component))
        {
            if (component == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var candidate = "/" + string.Join('/', resolved.Append(component));
            var target = new FileInfo(Path.Combine(root, candidate.TrimStart('/'))).LinkTarget;
            if (target is null)
            {
                resolved.Add(component);
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new KilnException($"{pathInImage} in the image goes through more than {MaxLinks} symbolic links");
            }

            if (target.StartsWith('/'))
            {
                resolved.Clear();
            }

            foreach (var part in Components(target).Reverse())
            {
                pending.Push(part);
            }
        }

        return "/" + string.Join('/', resolved);
    }

    private static IEnumerable<string> Components(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(part => part != ".");
}
