namespace Kiln.SystemTests.Plugins;

/// <summary>
/// Apt repositories made by the test: one per vendor (chef, salt, opennebula), each with a Packages index
/// and a Release file made by apt-ftparchive, signed with a throwaway key in a temporary GNUPGHOME.
/// </summary>
public static class SignedRepositories
{
    public const string Suite = "stable";

    /// <summary>Generates the key, builds the repositories below <paramref name="root"/>; returns the armored public key's path and the binary one's.</summary>
    public static (string ArmoredKey, string BinaryKey) Create(string root, IReadOnlyDictionary<string, (string Component, IReadOnlyList<StandInPackage> Packages)> repositories)
    {
        var gnupg = Path.Combine(root, "gnupg");
        Directory.CreateDirectory(gnupg);
        File.SetUnixFileMode(gnupg, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var environment = new Dictionary<string, string> { ["GNUPGHOME"] = gnupg };
        try
        {
            ToolRun.Run("gpg", ["--batch", "--pinentry-mode", "loopback", "--passphrase", string.Empty, "--quick-gen-key", "Kiln system tests <tests@kiln.invalid>", "ed25519", "sign", "never"], environment: environment);
            var armored = Path.Combine(root, "vendor-key.asc");
            File.WriteAllText(armored, ToolRun.Run("gpg", ["--batch", "--armor", "--export"], environment: environment));
            var binary = Path.Combine(root, "vendor-key.gpg");
            ToolRun.Run("gpg", ["--batch", "--yes", "--output", binary, "--export"], environment: environment);
            foreach (var (name, (component, packages)) in repositories)
            {
                CreateRepository(Path.Combine(root, "www", name), component, packages, Path.Combine(root, "scratch"), environment);
            }

            return (armored, binary);
        }
        finally
        {
            // gpg started an agent for the key: no server is left behind.
            ToolRun.Run("gpgconf", ["--kill", "all"], environment: environment);
        }
    }

    private static void CreateRepository(string directory, string component, IReadOnlyList<StandInPackage> packages, string scratch, Dictionary<string, string> environment)
    {
        foreach (var package in packages)
        {
            package.BuildInto(Path.Combine(directory, "pool", component), scratch);
        }

        var dists = Path.Combine(directory, "dists", Suite);
        var index = Path.Combine(dists, component, "binary-amd64");
        Directory.CreateDirectory(index);
        File.WriteAllText(Path.Combine(index, "Packages"), ToolRun.Run("apt-ftparchive", ["packages", "pool"], workingDirectory: directory));
        var release = ToolRun.Run("apt-ftparchive",
        [
            "-o", $"APT::FTPArchive::Release::Suite={Suite}", "-o", $"APT::FTPArchive::Release::Codename={Suite}",
            "-o", $"APT::FTPArchive::Release::Components={component}", "-o", "APT::FTPArchive::Release::Architectures=amd64 all",
            "release", ".",
        ], workingDirectory: dists);
        File.WriteAllText(Path.Combine(dists, "Release"), release);
        ToolRun.Run("gpg", ["--batch", "--yes", "--clearsign", "--output", Path.Combine(dists, "InRelease"), Path.Combine(dists, "Release")], environment: environment);
    }
}
