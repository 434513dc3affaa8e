using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Gce.Publishing;

/// <summary>
/// JSON calls to Google's REST APIs over one HttpClient, with the bearer token where the endpoint takes one; an
/// answer that is no success is thrown as a <see cref="GoogleApiException"/> read from Google's error document.
/// </summary>
public sealed class GoogleApi(HttpClient http, GoogleAccessTokens? tokens) : IDisposable
{
    public HttpClient Http => http;

    public async Task<JObject> SendAsync(HttpMethod method, Uri uri, JObject? body, bool authorized, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8, "application/json");
        }

        await AuthorizeAsync(request, authorized, cancellationToken);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw GoogleApiException.From(response.StatusCode, text);
        }

        return text.Length == 0 ? [] : JObject.Parse(text);
    }

    /// <summary>Adds <c>Authorization: Bearer</c> when the endpoint takes credentials (an emulator does not).</summary>
    public async Task AuthorizeAsync(HttpRequestMessage request, bool authorized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (authorized)
        {
            var token = tokens is null ? throw new InvalidOperationException("no credentials for an authorized call") : await tokens.GetAsync(cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public void Dispose()
    {
        tokens?.Dispose();
        http.Dispose();
    }
}
