namespace Kiln.Packages;

/// <summary>
/// The name apt gives a downloaded package in /var/cache/apt/archives: <c>NAME_VERSION_ARCH.deb</c>, with the
/// version's epoch colon written as <c>%3a</c>. Package names, versions and architectures never hold an underscore.
/// </summary>
public sealed record DebFileName(string Package, string Version, string Architecture)
{
    /// <summary>The package and architecture: two files with the same slot are two versions of one package.</summary>
    public string Slot => $"{Package}_{Architecture}";

    public static DebFileName? Parse(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (!fileName.EndsWith(".deb", StringComparison.Ordinal) || fileName.StartsWith('.'))
        {
            return null;
        }

        var parts = fileName[..^".deb".Length].Split('_');
        return parts.Length == 3 && parts.All(p => p.Length > 0) ? new DebFileName(parts[0], parts[1], parts[2]) : null;
    }
}
