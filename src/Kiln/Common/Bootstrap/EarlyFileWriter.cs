using Kiln.Tasks;

namespace Kiln.Common.Bootstrap;

/// <summary>Writes the context's early files below a directory (the root itself, or a staging copy for mmdebstrap).</summary>
public static class EarlyFileWriter
{
    public static void WriteTo(BuildContext context, string directory)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (pathInImage, file) in context.EarlyFiles.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, pathInImage.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
            File.SetUnixFileMode(path, file.Mode);
        }
    }

    public static string DebconfText(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return string.Concat(context.DebconfSelections.Select(line => line + "\n"));
    }
}
