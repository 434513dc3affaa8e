using System.Net;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Azure.Publishing;

/// <summary>
/// An access token for Resource Manager by the OAuth 2.0 client-credentials grant at Microsoft Entra ID's v2.0 token
/// endpoint (<c>AUTHORITY/TENANT/oauth2/v2.0/token</c>), kept until five minutes before it expires.
/// </summary>
public sealed class ArmTokenSource(ArmConnection connection, HttpClient http, Kiln.Host.SecretStore secrets)
{
    private string? _token;
    private DateTimeOffset _expires;

    public Uri TokenEndpoint => new(connection.Authority, $"{Uri.EscapeDataString(connection.Tenant)}/oauth2/v2.0/token");

    public async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token is not null && DateTimeOffset.UtcNow < _expires)
        {
            return _token;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", connection.ClientId),
                new("client_secret", connection.ClientSecret),
                new("scope", connection.Scope),
            ]),
        };
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var answer = TryParse(body);
        if (!response.IsSuccessStatusCode || (string?)answer?["access_token"] is not { Length: > 0 } token)
        {
            var code = (string?)answer?["error"];
            var description = ((string?)answer?["error_description"])?.Split('\n')[0].Trim() ?? response.ReasonPhrase ?? "no token";
            var status = response.IsSuccessStatusCode ? HttpStatusCode.Unauthorized : response.StatusCode;
            throw new AzureHttpException(status, code, $"{description} ({code ?? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)})", response.Headers.RetryAfter?.Delta);
        }

        secrets.Add(token);
        _token = token;
        _expires = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(Math.Max(0, (answer["expires_in"]?.Value<double>() ?? 3600) - 300));
        return token;
    }

    private static JObject? TryParse(string body)
    {
        try
        {
            return JObject.Parse(body);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }
}
