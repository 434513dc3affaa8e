namespace Kiln.SystemTests.Plugins;

/// <summary>
/// What the agents-and-speed tests share: the vendor repositories (made and served on first use), the folder
/// of saved trees, and the first build of manifests/examples/kvm/plugins-agents-speed.yml, which saves the tree
/// the later builds reuse.
/// </summary>
public sealed class AgentsAndSpeedBuilds : IDisposable
{
    private const string ExampleName = "kvm/plugins-agents-speed.yml";

    private readonly Lazy<(LocalRepositoryServer Server, string ArmoredKey, string BinaryKey)> _repositories;
    private readonly SemaphoreSlim _firstBuildLock = new(1, 1);
    private ImageBuild? _firstBuild;

    public AgentsAndSpeedBuilds()
    {
        _repositories = new(CreateRepositories);
    }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("kiln-agents-").FullName;

    /// <summary>Where prebootstrapped keeps its trees for these tests (outside the build workspaces, which must end empty).</summary>
    public string SavedTrees => Path.Combine(Directory, "saved-trees");

    public LocalRepositoryServer Server => _repositories.Value.Server;

    /// <summary>The example manifest with this test's repositories, keys and folder, changed further by <paramref name="change"/>.</summary>
    public string Manifest(string name = "agents.yml", Func<string, string>? change = null)
    {
        var (server, armored, binary) = _repositories.Value;
        var text = File.ReadAllText(Repository.Example(ExampleName))
            .Replace("http://127.0.0.1:8080/", $"http://127.0.0.1:{server.Port}/", StringComparison.Ordinal)
            .Replace("plugins-agents-speed/vendor-key.gpg", binary, StringComparison.Ordinal)
            .Replace("plugins-agents-speed/vendor-key.asc", armored, StringComparison.Ordinal)
            .Replace("plugins-agents-speed/chef", Repository.Example("kvm/plugins-agents-speed/chef"), StringComparison.Ordinal)
            .Replace("prebootstrapped: {}", $"prebootstrapped: {{folder: {SavedTrees}}}", StringComparison.Ordinal);
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, change is null ? text : change(text));
        return path;
    }

    /// <summary>The first build (it bootstraps and saves the tree); run once, by whichever test needs it first.</summary>
    public async Task<ImageBuild> FirstBuildAsync()
    {
        await _firstBuildLock.WaitAsync();
        try
        {
            return _firstBuild ??= await ImageBuild.RunAsync(Manifest());
        }
        finally
        {
            _firstBuildLock.Release();
        }
    }

    /// <summary>The one saved tree's directory (FOLDER/KEY).</summary>
    public string SavedEntry() => System.IO.Directory.GetDirectories(SavedTrees).Single(d => !Path.GetFileName(d).StartsWith('.'));

    public void Dispose()
    {
        _firstBuild?.Dispose();
        if (_repositories.IsValueCreated)
        {
            _repositories.Value.Server.Dispose();
        }

        _firstBuildLock.Dispose();
        TestDirectory.Remove(Directory);
    }

    private (LocalRepositoryServer, string, string) CreateRepositories()
    {
        var unit = """
            [Unit]
            Description=stand-in for {0}

            [Service]
            {1}

            [Install]
            WantedBy=multi-user.target

            """;
        var oneshot = "Type=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true";
        var repositories = new Dictionary<string, (string, IReadOnlyList<StandInPackage>)>
        {
            ["chef"] = ("main", [new StandInPackage("chef", "18.5.0-1", new Dictionary<string, string> { ["/opt/chef/bin/chef-client"] = "#!/bin/sh\necho 'Chef Infra Client: 18.5.0 (stand-in)'\n" })]),
            ["salt"] = ("main",
            [
                Minion("3007.1", string.Format(System.Globalization.CultureInfo.InvariantCulture, unit, "salt-minion", "ExecStart=/usr/bin/salt-minion")),
                Minion("3008.0", string.Format(System.Globalization.CultureInfo.InvariantCulture, unit, "salt-minion", "ExecStart=/usr/bin/salt-minion")),
            ]),
            ["opennebula"] = ("opennebula",
            [
                new StandInPackage("one-context", "6.10.0-1", new Dictionary<string, string>
                {
                    ["/usr/lib/systemd/system/one-context-local.service"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, unit, "one-context-local", oneshot),
                    ["/usr/lib/systemd/system/one-context.service"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, unit, "one-context", oneshot),
                    ["/usr/sbin/one-contextd"] = "#!/bin/sh\nexit 0\n",
                }),
            ]),
        };
        var (armored, binary) = SignedRepositories.Create(Directory, repositories);
        return (new LocalRepositoryServer(Path.Combine(Directory, "www")), armored, binary);
    }

    private static StandInPackage Minion(string version, string unit) => new("salt-minion", version, new Dictionary<string, string>
    {
        ["/usr/lib/systemd/system/salt-minion.service"] = unit,
        ["/usr/bin/salt-minion"] = $"#!/bin/sh\n# salt-minion {version} (stand-in)\nexec sleep infinity\n",
    });
}
