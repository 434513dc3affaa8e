using Kiln.Manifests;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.RootPassword;

/// <summary>One of: a password, a crypt(3) hash (<c>password-crypted</c>), or <c>random: true</c> (printed once when the build ends).</summary>
public sealed record RootPasswordSettings(string? Password, string? Crypted, bool Random)
{
    public static RootPasswordSettings From(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var settings = manifest.PluginSettings(RootPasswordPlugin.PluginName);
        return new RootPasswordSettings((string?)settings["password"], (string?)settings["password-crypted"], settings["random"]?.Value<bool>() == true);
    }

    public int Choices => (Password is null ? 0 : 1) + (Crypted is null ? 0 : 1) + (Random ? 1 : 0);
}
