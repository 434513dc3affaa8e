using Kiln.Tasks;

namespace Kiln.Host;

/// <summary>Finds which host programs are missing, looking where root's PATH would.</summary>
public static class HostToolCheck
{
    private static readonly string[] SystemDirectories = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    public static IReadOnlyList<HostTool> Missing(IEnumerable<HostTool> tools) =>
        [.. tools.DistinctBy(t => t.Command).Where(tool => Locate(tool.Command) is null).OrderBy(t => t.Command, StringComparer.Ordinal)];

    public static string? Locate(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(command) ? command : null;
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);
        return path.Concat(SystemDirectories).Distinct(StringComparer.Ordinal)
            .Select(directory => Path.Combine(directory, command))
            .FirstOrDefault(candidate => File.Exists(candidate) && (File.GetUnixFileMode(candidate) & UnixFileMode.UserExecute) != UnixFileMode.None);
    }

    public static string Describe(IEnumerable<HostTool> missing) =>
        string.Join(", ", missing.Select(t => $"{t.Command} (package {t.Package})"));
}
