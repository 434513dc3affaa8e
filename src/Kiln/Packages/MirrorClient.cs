using System.Net;
using Polly;
using Polly.Retry;

namespace Kiln.Packages;

/// <summary>
/// Reads files from a Debian mirror (http, https or file), retrying transient network failures. A mirror that
/// accepts connections and never answers is given up after <see cref="AnswerTimeout"/> per try, three tries (about 35 s in all).
/// </summary>
public sealed class MirrorClient : IDisposable
{
    /// <summary>How long one request may wait for the mirror's answer.</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TimeoutException>(),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromSeconds(1),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

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
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
                    attempt.CancelAfter(AnswerTimeout);
                    try
                    {
                        using var response = await _http.GetAsync(uri, attempt.Token);
                        if (response.StatusCode == HttpStatusCode.NotFound)
                        {
                            return null;
                        }

                        response.EnsureSuccessStatusCode();
                        return await response.Content.ReadAsStringAsync(attempt.Token);
                    }
                    catch (OperationCanceledException exception) when (!token.IsCancellationRequested)
                    {
                        throw new TimeoutException($"no answer within {AnswerTimeout.TotalSeconds:F0} s", exception);
                    }
                },
                cancellationToken);
        }
        catch (TimeoutException exception)
        {
            throw new UserInputException($"the mirror {mirror} accepts connections but did not answer within {AnswerTimeout.TotalSeconds:F0} s, three times (asking for {relativePath}); check the mirror, or set bootstrapper.mirror to another", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new UserInputException($"the mirror {mirror} cannot be reached ({exception.Message}); check the network or set bootstrapper.mirror", exception);
        }
    }

    public void Dispose() => _http.Dispose();
}
