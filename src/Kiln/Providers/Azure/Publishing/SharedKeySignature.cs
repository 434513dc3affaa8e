using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Kiln.Providers.Azure.Publishing;

/// <summary>
/// Azure Storage's Shared Key authorization (the blob service's version 2009-09-19 and later): the string to sign is
/// the verb, eleven standard headers (Content-Length empty when zero), the canonical <c>x-ms-</c> headers and the
/// canonical resource (<c>/account/path</c> and the query's parameters, sorted, one a line); its HMAC-SHA256 with the
/// account key goes in <c>Authorization: SharedKey account:signature</c>.
/// </summary>
public static class SharedKeySignature
{
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    /// <summary>Adds <c>Authorization</c> to a request that already carries its <c>x-ms-date</c>, <c>x-ms-version</c> and content.</summary>
    public static void Sign(HttpRequestMessage request, string account, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = StringToSign(request, account);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
        request.Headers.Authorization = new AuthenticationHeaderValue("SharedKey", $"{account}:{signature}");
    }

    public static string StringToSign(HttpRequestMessage request, string account)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(account);
        var headers = AllHeaders(request);
        var builder = new StringBuilder();
        builder.Append(request.Method.Method).Append('\n');
        foreach (var name in StandardHeaders)
        {
            var value = headers.GetValueOrDefault(name, string.Empty);
            builder.Append(name == "Content-Length" && value == "0" ? string.Empty : value).Append('\n');
        }

        foreach (var (name, value) in headers.Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase)).OrderBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal))
        {
            builder.Append(name.ToLowerInvariant()).Append(':').Append(value.Trim()).Append('\n');
        }

        var uri = request.RequestUri ?? throw new ArgumentException("the request has no URI", nameof(request));
        builder.Append('/').Append(account).Append(uri.AbsolutePath);
        foreach (var (name, values) in QueryParameters(uri.Query).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append('\n').Append(name).Append(':').Append(string.Join(',', values.Order(StringComparer.Ordinal)));
        }

        return builder.ToString();
    }

    private static Dictionary<string, string> AllHeaders(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[header.Key] = string.Join(',', header.Value);
        }

        if (request.Content is not null && !headers.ContainsKey("Content-Length"))
        {
            headers["Content-Length"] = (request.Content.Headers.ContentLength ?? 0).ToString(CultureInfo.InvariantCulture);
        }

        return headers;
    }

    private static Dictionary<string, List<string>> QueryParameters(string query)
    {
        var parameters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!parameters.TryGetValue(name, out var values))
            {
                parameters[name] = values = [];
            }

            values.Add(value);
        }

        return parameters;
    }
}
