namespace Kiln.Host;

/// <summary>The secrets of a run (passwords, keys), masked in every line the command runner logs from then on.</summary>
public sealed class SecretStore
{
    private readonly List<string> _secrets = [];
    private readonly Lock _lock = new();

    public void Add(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        lock (_lock)
        {
            _secrets.Add(secret);
        }
    }

    public IReadOnlyList<string> Values
    {
        get
        {
            lock (_lock)
            {
                return [.. _secrets];
            }
        }
    }

    /// <summary>A masker for these secrets and the command's own.</summary>
    public SecretMasker MaskerWith(IEnumerable<string> more)
    {
        lock (_lock)
        {
            return new SecretMasker([.. _secrets, .. more]);
        }
    }
}
