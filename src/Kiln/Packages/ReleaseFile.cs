namespace Kiln.Packages;

/// <summary>Reads fields of a Debian archive's Release file.</summary>
public static class ReleaseFile
{
    public static string? Field(string releaseText, string field)
    {
        ArgumentNullException.ThrowIfNull(releaseText);
        var prefix = field + ":";
        return releaseText.Split('\n')
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
            .Select(line => line[prefix.Length..].Trim())
            .FirstOrDefault();
    }
}
