using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Gce.Publishing;

/// <summary>
/// OAuth 2.0 access tokens for the credentials file, fetched from its token URI when first needed and again
/// shortly before they expire: a JWT bearer grant for a service account, a refresh token grant for a user.
/// </summary>
public sealed class GoogleAccessTokens(GoogleCredentialsFile credentials, HttpClient http, Kiln.Host.SecretStore secrets, TimeProvider clock) : IDisposable
{
    /// <summary>Compute Engine and Cloud Storage read and write.</summary>
    public const string Scope = "https://www.googleapis.com/auth/cloud-platform";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    public GoogleCredentialsFile Credentials => credentials;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is null || clock.GetUtcNow() > _expires - TimeSpan.FromMinutes(5))
            {
                (_token, _expires) = await FetchAsync(cancellationToken);
                secrets.Add(_token);
            }

            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<(string Token, DateTimeOffset Expires)> FetchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Dictionary<string, string> form;
        if (credentials.Type == "service_account")
        {
            using var key = credentials.PrivateKey();
            var assertion = JwtAssertion.Create(key, (string?)credentials.Content["private_key_id"] ?? string.Empty, (string)credentials.Content["client_email"]!, Scope, credentials.TokenUri, now);
            secrets.Add(assertion);
            form = new(StringComparer.Ordinal) { ["grant_type"] = JwtAssertion.GrantType, ["assertion"] = assertion };
        }
        else
        {
            form = new(StringComparer.Ordinal)
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = (string)credentials.Content["client_id"]!,
                ["client_secret"] = (string)credentials.Content["client_secret"]!,
                ["refresh_token"] = (string)credentials.Content["refresh_token"]!,
            };
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri(credentials.TokenUri), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw GoogleApiException.From(response.StatusCode, body);
        }

        var answer = JObject.Parse(body);
        var token = (string?)answer["access_token"] ?? throw new GoogleApiException($"the token endpoint {credentials.TokenUri} answered without an access_token");
        var seconds = answer["expires_in"]?.Value<double>() ?? 3600;
        return (token, now.AddSeconds(seconds));
    }
}
