using Kiln.Specs;

namespace Kiln.Plugins.RootPassword;

/// <summary>One of: a password, a crypt(3) hash (<c>password-crypted</c>), or <c>random: true</c> (printed once when the build ends).</summary>
public sealed record RootPasswordSettings(string? Password, string? Crypted, bool Random)
{
    public SourceMap Where { get; init; } = SourceMap.None;

    public static RootPasswordSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        return new RootPasswordSettings((string?)settings["password"], (string?)settings["password-crypted"], settings["random"] is Newtonsoft.Json.Linq.JValue { Value: true })
        {
            Where = section.Locations,
        };
    }

    public int Choices => (Password is null ? 0 : 1) + (Crypted is null ? 0 : 1) + (Random ? 1 : 0);
}
