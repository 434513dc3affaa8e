using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.AptProxy;

/// <summary>The apt_proxy plugin's settings: where the proxy listens, its credentials, and whether the image keeps using it.</summary>
public sealed record AptProxySettings(string Address, int Port, string? Username, string? Password, bool Persistent)
{
    public SourceMap Where { get; init; } = SourceMap.None;

    public static AptProxySettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        return new AptProxySettings(
            (string?)settings["address"] ?? string.Empty,
            settings["port"]?.Value<int>() ?? 0,
            (string?)settings["username"],
            (string?)settings["password"],
            settings["persistent"]?.Value<bool>() == true)
        {
            Where = section.Locations,
        };
    }

    /// <summary>The host part of the URL: an IPv6 address goes in brackets.</summary>
    public string Host => Address.Contains(':', StringComparison.Ordinal) && !Address.StartsWith('[') ? $"[{Address}]" : Address;

    public bool HasCredentials => Username is not null && Password is not null;

    /// <summary>The proxy URL apt and wget take, with the credentials percent-encoded.</summary>
    public string Url => HasCredentials
        ? $"http://{Uri.EscapeDataString(Username!)}:{Uri.EscapeDataString(Password!)}@{Host}:{Port}"
        : $"http://{Host}:{Port}";

    /// <summary>The URL as logs and messages show it.</summary>
    public string DisplayUrl => $"http://{Host}:{Port}";
}
