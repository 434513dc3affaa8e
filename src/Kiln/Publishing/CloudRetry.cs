using Polly;
using Polly.Retry;

namespace Kiln.Publishing;

/// <summary>
/// Retries of cloud calls the cloud turned away for now (throttling, 5xx): exponential back-off with jitter,
/// a bounded number of tries, or the wait the cloud asked for (a Retry-After). The SDKs' own retries are off, so
/// this is the one place that decides.
/// </summary>
public static class CloudRetry
{
    public static ResiliencePipeline Pipeline(CloudTimings timings, Func<Exception, bool> isTransient, Action<string>? onRetry = null, Func<Exception, TimeSpan?>? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(timings);
        ArgumentNullException.ThrowIfNull(isTransient);
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(exception => exception is not OperationCanceledException && isTransient(exception)),
                MaxRetryAttempts = timings.Retries,
                Delay = timings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = TimeSpan.FromMinutes(1),
                DelayGenerator = arguments => ValueTask.FromResult(
                    arguments.Outcome.Exception is { } exception && retryAfter?.Invoke(exception) is { } asked ? (TimeSpan?)TimeSpan.FromTicks(Math.Min(asked.Ticks, TimeSpan.FromMinutes(1).Ticks)) : null),
                OnRetry = arguments =>
                {
                    onRetry?.Invoke($"retry {arguments.AttemptNumber + 1} of {timings.Retries} in {arguments.RetryDelay.TotalSeconds:F1} s: {arguments.Outcome.Exception?.Message}");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }
}
