using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kiln.Providers.Oracle.Publishing;

/// <summary>
/// OCI's request signature (version 1, after draft-cavage-http-signatures-08): rsa-sha256 over the signing string of
/// <c>(request-target)</c>, <c>date</c> and <c>host</c>, and for a request with a body also <c>x-content-sha256</c>
/// (the body's SHA-256, base64), <c>content-type</c> and <c>content-length</c>; sent as
/// <c>Authorization: Signature version="1",keyId=...,algorithm="rsa-sha256",headers=...,signature=...</c>.
/// </summary>
public static class OciRequestSignature
{
    public static readonly string[] HeadersWithoutBody = ["date", "(request-target)", "host"];

    public static readonly string[] HeadersWithBody = ["date", "(request-target)", "host", "x-content-sha256", "content-type", "content-length"];

    /// <summary>The headers to send, Authorization among them, for a request to <paramref name="uri"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(string method, Uri uri, byte[]? body, DateTimeOffset now, OciApiKey key)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(key);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["date"] = now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture),
            ["(request-target)"] = $"{method.ToLowerInvariant()} {uri.PathAndQuery}",
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}",
        };
        var names = HeadersWithoutBody;
        if (body is not null)
        {
            values["x-content-sha256"] = Convert.ToBase64String(SHA256.HashData(body));
            values["content-type"] = "application/json";
            values["content-length"] = body.Length.ToString(CultureInfo.InvariantCulture);
            names = HeadersWithBody;
        }

        var signature = Convert.ToBase64String(key.PrivateKey.SignData(Encoding.UTF8.GetBytes(SigningString(names, values)), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var authorization = $"Signature version=\"1\",keyId=\"{key.KeyId}\",algorithm=\"rsa-sha256\",headers=\"{string.Join(' ', names)}\",signature=\"{signature}\"";
        return [.. values.Where(v => v.Key is not "(request-target)" and not "host").Append(new("authorization", authorization))];
    }

    /// <summary>The text that is signed: one <c>name: value</c> line per header, in the order the signature names them.</summary>
    public static string SigningString(IEnumerable<string> names, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        return string.Join('\n', names.Select(name => $"{name}: {values[name]}"));
    }
}
