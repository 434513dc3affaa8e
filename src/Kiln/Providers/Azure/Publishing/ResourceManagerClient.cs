using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kiln.Publishing;
using Newtonsoft.Json.Linq;
using Polly;

namespace Kiln.Providers.Azure.Publishing;

/// <summary>
/// Azure Resource Manager over its REST API: requests with the bearer token, JSON bodies, Azure's error document
/// (<c>{"error": {"code", "message"}}</c>) as an <see cref="AzureHttpException"/>, and long-running operations
/// followed to their end through <c>Azure-AsyncOperation</c> (else <c>Location</c>), at the pace the service asks.
/// Each request is retried on its own when Azure throttles it (429) or fails for now (5xx).
/// </summary>
public sealed class ResourceManagerClient(ArmTokenSource tokens, HttpClient http, CloudTimings timings, ResiliencePipeline retry)
{
    /// <summary>The resource, or null when there is none (404).</summary>
    public async Task<JObject?> GetAsync(Uri resource, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, resource, null, cancellationToken, allowNotFound: true);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync(response, cancellationToken);
    }

    /// <summary>Creates or replaces a resource and waits until its operation finished.</summary>
    public async Task<JObject> PutAsync(Uri resource, JObject body, Action<string> progress, CancellationToken cancellationToken)
    {
        using (var response = await SendAsync(HttpMethod.Put, resource, body, cancellationToken))
        {
            await WaitAsync(response, progress, cancellationToken);
        }

        return await GetAsync(resource, cancellationToken) ?? throw new AzureHttpException(HttpStatusCode.NotFound, "ResourceNotFound", $"{resource.AbsolutePath} is gone after it was created");
    }

    /// <summary>Deletes a resource and waits until it is gone; one that is gone already is no error.</summary>
    public async Task DeleteAsync(Uri resource, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, resource, null, cancellationToken, allowNotFound: true);
        if (response.StatusCode is HttpStatusCode.Accepted)
        {
            await WaitAsync(response, _ => { }, cancellationToken);
        }
    }

    private async Task WaitAsync(HttpResponseMessage started, Action<string> progress, CancellationToken cancellationToken)
    {
        var operation = Header(started, "Azure-AsyncOperation");
        var location = operation is null ? Header(started, "Location") : null;
        if (operation is null && location is null)
        {
            return;
        }

        var wait = started.Headers.RetryAfter?.Delta;
        var deadline = DateTimeOffset.UtcNow + timings.OperationTimeout;
        var last = string.Empty;
        while (true)
        {
            await Task.Delay(Pace(wait), cancellationToken);
            using var poll = await SendAsync(HttpMethod.Get, new Uri(operation ?? location!), null, cancellationToken);
            wait = poll.Headers.RetryAfter?.Delta;
            if (location is not null)
            {
                // The Location protocol: 202 while it runs, the result when it is done.
                if (poll.StatusCode != HttpStatusCode.Accepted)
                {
                    return;
                }
            }
            else
            {
                var status = await ReadAsync(poll, cancellationToken);
                var state = (string?)status["status"] ?? "InProgress";
                switch (state)
                {
                    case "Succeeded":
                        return;
                    case "Failed" or "Canceled":
                        var error = status["error"];
                        throw new AzureHttpException(HttpStatusCode.OK, (string?)error?["code"], $"the operation {state.ToLowerInvariant()}: {(string?)error?["message"] ?? state} ({(string?)error?["code"] ?? state})");
                }

                if (state != last)
                {
                    progress(state);
                    last = state;
                }
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new KilnException($"Azure's operation {operation ?? location} did not finish within {timings.OperationTimeout.TotalMinutes:F0} minutes");
            }
        }
    }

    private TimeSpan Pace(TimeSpan? asked) => asked is { } delay && delay < timings.PollInterval ? delay : timings.PollInterval;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, JObject? body, CancellationToken cancellationToken, bool allowNotFound = false) =>
        await retry.ExecuteAsync(async ct => await SendOnceAsync(method, uri, body, allowNotFound, ct), cancellationToken);

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri uri, JObject? body, bool allowNotFound, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.TokenAsync(cancellationToken));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8, "application/json");
        }

        var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.NoContent))
        {
            return response;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JToken? error = null;
            try
            {
                error = JObject.Parse(text)["error"];
            }
            catch (Newtonsoft.Json.JsonException)
            {
                // Not Azure's error document (a proxy's page): the status says enough.
            }

            var code = (string?)error?["code"];
            var message = (string?)error?["message"] ?? response.ReasonPhrase ?? "error";
            throw new AzureHttpException(response.StatusCode, code, $"{message} ({code ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)})", response.Headers.RetryAfter?.Delta);
        }
    }

    private static async Task<JObject> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? [] : JObject.Parse(text);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
