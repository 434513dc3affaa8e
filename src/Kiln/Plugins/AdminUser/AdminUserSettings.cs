using Kiln.Manifests;

namespace Kiln.Plugins.AdminUser;

/// <summary>The admin_user plugin's settings; <see cref="PublicKeyFile"/> is resolved against the manifest's directory.</summary>
public sealed record AdminUserSettings(string Username, string? Password, string? PublicKeyFile)
{
    public static AdminUserSettings From(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var settings = manifest.PluginSettings(AdminUserPlugin.PluginName);
        var pubkey = (string?)settings["pubkey"];
        return new AdminUserSettings((string)settings["username"]!, (string?)settings["password"], pubkey is null ? null : Path.GetFullPath(pubkey, manifest.Document.Directory));
    }

    /// <summary>The user's home directory, where useradd creates it.</summary>
    public string Home => $"/home/{Username}";
}
