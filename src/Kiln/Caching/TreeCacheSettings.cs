using Kiln.Disks;

namespace Kiln.Caching;

/// <summary>Where the automatic cache of bootstrapped trees is, and how large it may grow (least recently used entries go first), and where the packages bootstraps downloaded are kept.</summary>
public sealed record TreeCacheSettings(string Directory, ByteSize SizeLimit)
{
    /// <summary>
    /// Where bootstraps keep the .deb files they downloaded for the next one (<see cref="Common.Bootstrap.PackageCache"/>),
    /// or null for a store that keeps trees only (a run's own store, the prebootstrapped folder).
    /// </summary>
    public string? PackagesDirectory { get; init; }

    public const string SizeVariable = "KILN_CACHE_SIZE";

    public const string DirectoryVariable = "KILN_CACHE_DIR";

    public static readonly ByteSize DefaultSizeLimit = ByteSize.FromMiB(20 * 1024);

    /// <summary>
    /// The cache of this host: <c>KILN_CACHE_DIR</c>, else /var/cache/kiln for root, else the XDG cache directory
    /// (<c>$XDG_CACHE_HOME/kiln</c>, <c>~/.cache/kiln</c>); its size limit from <c>KILN_CACHE_SIZE</c> (e.g. 20GiB).
    /// </summary>
    public static TreeCacheSettings FromEnvironment(Func<string, string?> variable, bool isRoot)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var directory = variable(DirectoryVariable) is { Length: > 0 } explicitDirectory
            ? explicitDirectory
            : isRoot
                ? "/var/cache/kiln"
                : Path.Combine(variable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(variable("HOME") ?? "/root", ".cache"), "kiln");
        var limit = variable(SizeVariable) is { Length: > 0 } text
            ? ByteSize.TryParse(text, out var size) ? size : throw new UserInputException($"{SizeVariable}={text} is not a size; write e.g. 20GiB")
            : DefaultSizeLimit;
        var root = Path.GetFullPath(directory);
        return new TreeCacheSettings(Path.Combine(root, "trees"), limit) { PackagesDirectory = Path.Combine(root, "packages") };
    }
}
