using System.Runtime.CompilerServices;

namespace Kiln.SystemTests;

/// <summary>Paths inside the source repository (example manifests).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Example(string relative) => Path.Combine(Root, "manifests", "examples", relative);

    private static string FindRoot([CallerFilePath] string source = "")
    {
        var directory = Path.GetDirectoryName(source);
        while (directory is not null && !File.Exists(Path.Combine(directory, "Kiln.slnx")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("the repository root (Kiln.slnx) was not found");
    }
}
