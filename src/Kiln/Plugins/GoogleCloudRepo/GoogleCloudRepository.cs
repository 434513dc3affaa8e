using Kiln.Packages;
using Kiln.Plugins.VendorRepositories;

namespace Kiln.Plugins.GoogleCloudRepo;

/// <summary>
/// Google's apt repository as the image's apt sees it: one deb822 entry with the manifest's suites (<c>{system.release}</c>
/// replaced by the codename), the keyring suite when asked, component main, and Google's key embedded in Signed-By, as
/// the chef and salt vendor repositories are written. apt-key and /etc/apt/trusted.gpg, which bootstrap-vz used, are gone.
/// </summary>
public static class GoogleCloudRepository
{
    public const string KeyringPackage = "google-cloud-packages-archive-keyring";

    public static string PathInImage => VendorSourceEntry.PathFor(GoogleCloudRepoPlugin.PluginName);

    public static IReadOnlyList<string> Suites(GoogleCloudRepoSettings settings, string codename)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var suites = settings.Suites.Select(suite => suite.Replace("{system.release}", codename, StringComparison.Ordinal)).ToList();
        if (settings.EnableKeyringRepo)
        {
            suites.Add($"{KeyringPackage}-{codename}");
        }

        return [.. suites.Distinct(StringComparer.Ordinal)];
    }

    public static string Entry(GoogleCloudRepoSettings settings, string codename, string armoredKey)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // deb822's Suites field takes several suites: one entry, one copy of the key.
        var source = new AptSourceLine("deb", settings.Url, string.Join(' ', Suites(settings, codename)), ["main"]);
        return VendorSourceEntry.Render(source, armoredKey, GoogleCloudRepoPlugin.PluginName);
    }
}
