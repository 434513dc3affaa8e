namespace Kiln.Publishing;

/// <summary>How long publishing waits: between polls of a cloud's long operations, before retries, and in all.</summary>
public sealed record CloudTimings(TimeSpan PollInterval, TimeSpan RetryDelay, int Retries, TimeSpan OperationTimeout)
{
    /// <summary>What real clouds need: imports take minutes, throttling clears in seconds.</summary>
    public static CloudTimings Default { get; } = new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(2), Retries: 6, TimeSpan.FromHours(2));
}
