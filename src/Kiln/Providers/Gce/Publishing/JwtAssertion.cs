using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Gce.Publishing;

/// <summary>
/// The signed JWT a service account trades for an access token (RFC 7523, Google's "OAuth 2.0 for server to server
/// applications"): header RS256 with the key's id, claims iss, scope, aud (the token URI), iat and exp one hour on.
/// </summary>
public static class JwtAssertion
{
    public const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public static string Create(RSA key, string keyId, string email, string scope, string audience, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        var header = new JObject { ["alg"] = "RS256", ["typ"] = "JWT" };
        if (!string.IsNullOrEmpty(keyId))
        {
            header["kid"] = keyId;
        }

        var claims = new JObject
        {
            ["iss"] = email,
            ["scope"] = scope,
            ["aud"] = audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
        var signed = $"{Base64Url(Encoding.UTF8.GetBytes(header.ToString(Formatting.None)))}.{Base64Url(Encoding.UTF8.GetBytes(claims.ToString(Formatting.None)))}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Base64Url(signature)}";
    }

    public static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromBase64Url(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
