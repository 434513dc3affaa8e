using System.Net;
using Polly;
using Polly.Retry;

namespace Kiln.Packages;

/// <summary>Reads files from a Debian mirror (http, https or file), retrying transient network failures.</summary>
public sealed class MirrorClient : IDisposable
{
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TaskCanceledException>(),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromSeconds(1),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The text of <paramref name="relativePath"/> below the mirror, or null when the mirror has no such file.</summary>
    public async Task<string?> ReadTextAsync(string mirror, string relativePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mirror);
        var uri = new Uri(mirror.TrimEnd('/') + "/" + relativePath);
        if (uri.IsFile)
        {
            return File.Exists(uri.LocalPath) ? await File.ReadAllTextAsync(uri.LocalPath, cancellationToken) : null;
        }

        try
        {
            return await Retry.ExecuteAsync(
                async token =>
                {
                    using var response = await _http.GetAsync(uri, token);
                    if (response.StatusCode == HttpStatusCode.NotFound)
                    {
                        return null;
                    }

                    response.EnsureSuccessStatusCode();
                    return await response.Content.ReadAsStringAsync(token);
                },
                cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new UserInputException($"the mirror {mirror} cannot be reached ({exception.Message}); check the network or set bootstrapper.mirror", exception);
        }
    }

    public void Dispose() => _http.Dispose();
}
