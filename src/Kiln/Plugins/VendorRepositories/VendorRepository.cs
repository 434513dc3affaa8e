using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.VendorRepositories;

/// <summary>
/// A vendor's apt repository a plugin installs its agent from: the one-line source of the vendor's install
/// guide and the file of the key that signs the repository (absolute, resolved against the manifest).
/// </summary>
public sealed record VendorRepository(string Source, string KeyPath)
{
    /// <summary>The repository under the section's <c>repository</c>, or null when the manifest names none.</summary>
    public static VendorRepository? Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (section.Object["repository"] is not JObject repository)
        {
            return null;
        }

        var key = (string?)repository["key"] ?? string.Empty;
        return new VendorRepository((string?)repository["source"] ?? string.Empty, section.FullPath(key));
    }

    /// <summary>The source line with <c>{system.release}</c> replaced by the release's codename, as packages.sources does.</summary>
    public string ExpandedSource(string codename) => Source.Replace("{system.release}", codename, StringComparison.Ordinal);
}
