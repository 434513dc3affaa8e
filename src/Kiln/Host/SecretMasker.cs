namespace Kiln.Host;

/// <summary>Replaces secret values (passwords, keys) by a fixed mask in text that goes to logs or the console.</summary>
public sealed class SecretMasker(IEnumerable<string> secrets)
{
    public const string Placeholder = "********";

    private readonly string[] _secrets = [.. secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];

    public string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Placeholder, StringComparison.Ordinal);
        }

        return text;
    }
}
