namespace Kiln.Manifests;

/// <summary>One entry of <c>packages.install</c>: a package name with an optional target release, or a local .deb file.</summary>
public sealed record PackageRequest(string Name, string? TargetRelease = null, string? LocalPath = null)
{
    public bool IsLocal => LocalPath is not null;

    /// <summary>How apt is asked for it: <c>name</c>, <c>name/release</c>, or the path of the .deb inside the root.</summary>
    public string AptArgument => TargetRelease is null ? Name : $"{Name}/{TargetRelease}";

    public static PackageRequest Parse(string entry, string manifestDirectory)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.EndsWith(".deb", StringComparison.Ordinal) && entry.Contains('/', StringComparison.Ordinal) && (entry[0] == '/' || entry[0] == '.'))
        {
            var path = Path.GetFullPath(entry, manifestDirectory);
            return new PackageRequest(Path.GetFileName(path), null, path);
        }

        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new PackageRequest(entry) : new PackageRequest(entry[..slash], entry[(slash + 1)..]);
    }
}
