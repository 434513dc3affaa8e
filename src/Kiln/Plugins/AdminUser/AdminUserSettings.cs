using Kiln.Specs;

namespace Kiln.Plugins.AdminUser;

/// <summary>The admin_user plugin's settings; <see cref="PublicKeyFile"/> is resolved against the manifest's directory.</summary>
public sealed record AdminUserSettings(string Username, string? Password, string? PublicKeyFile)
{
    public SourceMap Where { get; init; } = SourceMap.None;

    public static AdminUserSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        var pubkey = (string?)settings["pubkey"];
        return new AdminUserSettings((string)settings["username"]!, (string?)settings["password"], pubkey is null ? null : section.FullPath(pubkey))
        {
            Where = section.Locations,
        };
    }

    /// <summary>The user's home directory, where useradd creates it.</summary>
    public string Home => $"/home/{Username}";
}
