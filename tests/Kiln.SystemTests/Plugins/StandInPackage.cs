namespace Kiln.SystemTests.Plugins;

/// <summary>A small package under a vendor's package name: its control fields and the files it installs.</summary>
public sealed record StandInPackage(string Name, string Version, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>Builds the .deb into <paramref name="pool"/> with dpkg-deb and returns its path.</summary>
    public string BuildInto(string pool, string scratch)
    {
        var tree = Path.Combine(scratch, $"{Name}_{Version}");
        Directory.CreateDirectory(Path.Combine(tree, "DEBIAN"));
        File.WriteAllText(Path.Combine(tree, "DEBIAN", "control"), $"""
            Package: {Name}
            Version: {Version}
            Architecture: all
            Maintainer: Kiln system tests <tests@kiln.invalid>
            Description: stand-in for the vendor's {Name}, built by Kiln's system tests

            """);
        foreach (var (path, content) in Files)
        {
            var file = Path.Combine(tree, path.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
            if (path.Contains("/bin/", StringComparison.Ordinal) || path.Contains("/sbin/", StringComparison.Ordinal))
            {
                File.SetUnixFileMode(file, (UnixFileMode)0b111_101_101);
            }
        }

        Directory.CreateDirectory(pool);
        var deb = Path.Combine(pool, $"{Name}_{Version}_all.deb");
        ToolRun.Run("dpkg-deb", ["--root-owner-group", "-Zgzip", "--build", tree, deb]);
        return deb;
    }
}
