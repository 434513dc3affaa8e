using System.Runtime.CompilerServices;

namespace Kiln.Tests;

/// <summary>Finds the repository this test project belongs to (the directory holding Kiln.slnx).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ManifestsDirectory => Path.Combine(Root, "manifests");

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory })
        {
            for (var directory = start; !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
            {
                if (File.Exists(Path.Combine(directory, "Kiln.slnx")))
                {
                    return directory;
                }
            }
        }

        throw new InvalidOperationException($"no Kiln.slnx above {sourceFile} or {AppContext.BaseDirectory}");
    }
}
