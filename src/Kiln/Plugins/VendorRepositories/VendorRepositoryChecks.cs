using Kiln.Manifests;
using Kiln.Packages;
using Kiln.Specs;

namespace Kiln.Plugins.VendorRepositories;

/// <summary>The checks of a plugin's <c>repository</c> that its schema cannot express, each at its place in the manifest.</summary>
public static class VendorRepositoryChecks
{
    /// <param name="manifest">The manifest's core sections.</param>
    /// <param name="settings">The plugin's settings.</param>
    /// <param name="pluginName">The plugin's key under <c>plugins</c>.</param>
    /// <param name="what">What the repository provides, as the first words of the message when it is missing (e.g. "chef").</param>
    public static IEnumerable<ManifestError> Check(Manifest manifest, IVendorRepositorySettings settings, string pluginName, string what)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(settings);
        var where = settings.Where;
        if (settings.Repository is not { } repository)
        {
            // At the plugin's key: a block mapping's own position would be its first setting's line.
            yield return new ManifestError(where.SectionKey,
                $"{what} is not in Debian: name the vendor's apt repository in plugins.{pluginName}.repository, with `source` (the deb line of the vendor's install guide) and `key` (the file of the key that signs it)");
            yield break;
        }

        if (ReleaseCatalog.Find(manifest.System.Release) is { } release && release < ReleaseCatalog.Bookworm)
        {
            yield return where.ErrorAt("repository", ReleaseProblem(release));
        }

        foreach (var problem in SourceProblems(repository.ExpandedSource("release")))
        {
            yield return where.ErrorAt("repository.source", problem);
        }

        if (KeyProblem(repository.KeyPath) is { } keyProblem)
        {
            yield return where.ErrorAt("repository.key", keyProblem);
        }
    }

    public static string ReleaseProblem(DebianRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return $"vendor repositories need bookworm or later: Kiln embeds their signing key in the source entry, which apt reads from bookworm on, and {release.Codename} is older";
    }

    public static IEnumerable<string> SourceProblems(string source)
    {
        AptSourceLine line;
        try
        {
            line = AptSourceLine.Parse(source);
        }
        catch (FormatException exception)
        {
            return [exception.Message];
        }

        var problems = VendorSourceOptions.Parse(line).Select(o => VendorSourceOptions.Problem(o.Name)).OfType<string>().ToList();
        var flat = line.Suite.EndsWith('/');
        if (flat && line.Components.Count > 0)
        {
            problems.Add($"a flat repository (the suite `{line.Suite}` ends with /) takes no components");
        }
        else if (!flat && line.Components.Count == 0)
        {
            problems.Add($"name the repository's components after the suite `{line.Suite}`, e.g. main");
        }

        return problems;
    }

    public static string? KeyProblem(string keyPath)
    {
        if (!File.Exists(keyPath))
        {
            return $"the key file {keyPath} does not exist";
        }

        return OpenPgpKeyFile.IsPublicKey(File.ReadAllBytes(keyPath))
            ? null
            : $"{keyPath} is not an OpenPGP public key; give the vendor's signing key as it is published, armored (.asc) or binary (.gpg, .pgp)";
    }
}
