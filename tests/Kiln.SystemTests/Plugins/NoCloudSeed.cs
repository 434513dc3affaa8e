namespace Kiln.SystemTests.Plugins;

/// <summary>
/// A cloud-init NoCloud seed: a small FAT image labelled CIDATA with user-data and meta-data, made with
/// mkfs.vfat and mcopy (no mount: the host kernel may have no vfat), for <c>kiln test --drive</c>.
/// </summary>
public sealed class NoCloudSeed : IDisposable
{
    private NoCloudSeed(string directory) => Directory = directory;

    public string Directory { get; }

    public string Image => Path.Combine(Directory, "seed.img");

    /// <summary>The public key the user data authorizes for the default user.</summary>
    public string PublicKey { get; private set; } = string.Empty;

    public static async Task<NoCloudSeed> CreateAsync(string hostname)
    {
        var seed = new NoCloudSeed(System.IO.Directory.CreateTempSubdirectory("kiln-seed-").FullName);
        var key = Path.Combine(seed.Directory, "id_ed25519");
        await HostProgram.CheckedAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-C", "kiln-seed-key", "-f", key);
        seed.PublicKey = File.ReadAllText(key + ".pub").Trim();
        File.WriteAllText(Path.Combine(seed.Directory, "user-data"), $"#cloud-config\nhostname: {hostname}\nssh_authorized_keys:\n  - {seed.PublicKey}\n");
        File.WriteAllText(Path.Combine(seed.Directory, "meta-data"), $"instance-id: kiln-test-{Guid.NewGuid():N}\nlocal-hostname: {hostname}\n");
        await HostProgram.CheckedAsync("mkfs.vfat", "-n", "CIDATA", "-C", seed.Image, "1024");
        await HostProgram.CheckedAsync("mcopy", "-i", seed.Image, Path.Combine(seed.Directory, "user-data"), Path.Combine(seed.Directory, "meta-data"), "::");
        return seed;
    }

    public void Dispose() => TestDirectory.Remove(Directory);
}
