using Kiln.Host;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiln.Publishing;

/// <summary>
/// What a cloud's seam reads credentials and endpoints from: the environment (as the cloud's own tools read it),
/// the credentials the manifest gives, and how long it waits between polls and retries.
/// </summary>
public sealed record CloudAccess
{
    /// <summary>Reads an environment variable (the process's, or a test's dictionary).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>bootstrap-vz's credential keys from the manifest, by name (e.g. <c>access-key</c>).</summary>
    public IReadOnlyDictionary<string, string> ManifestCredentials { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Secrets read here are added to it, so every log line masks them.</summary>
    public SecretStore Secrets { get; init; } = new();

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    public CloudTimings Timings { get; init; } = CloudTimings.Default;

    /// <summary>The value of the first environment variable of <paramref name="names"/> that is set and not empty.</summary>
    public string? FirstVariable(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Select(Environment).FirstOrDefault(value => !string.IsNullOrEmpty(value));
    }
}
