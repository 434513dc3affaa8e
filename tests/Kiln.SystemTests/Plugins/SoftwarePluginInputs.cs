namespace Kiln.SystemTests.Plugins;

/// <summary>
/// What the software plugin builds need besides their example manifests: a wheel directory, a Python package
/// index, a Puppet module archive (all made here, as nothing public is in reach) and an apt-cacher-ng, each in a
/// temporary directory or on a free port of 127.0.0.1, all gone on dispose.
/// </summary>
public sealed class SoftwarePluginInputs : IDisposable
{
    private readonly Lazy<AptCacherNg> _proxy;

    public SoftwarePluginInputs()
    {
        Wheels = System.IO.Directory.CreateDirectory(Path.Combine(Directory, "wheels")).FullName;
        TestWheel.Write(Wheels, "kiln-probe", "1.0", "VERSION = '1.0'\n\ndef main():\n    print('kiln-probe', VERSION)\n", command: "kiln-probe");
        var served = System.IO.Directory.CreateDirectory(Path.Combine(Directory, "index")).FullName;
        Index = new PythonPackageIndex(new Dictionary<string, string> { ["kiln-index-probe"] = TestWheel.Write(served, "kiln-index-probe", "2.0", "VERSION = '2.0'\n") });
        ModuleArchive = TestPuppetModule.Write(Directory);
        _proxy = new(() => new AptCacherNg(Path.Combine(Directory, "apt-cacher-ng")));
    }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("kiln-software-").FullName;

    public string Wheels { get; }

    public PythonPackageIndex Index { get; }

    public string ModuleArchive { get; }

    /// <summary>Started on first use: only the build through the proxy needs it.</summary>
    public AptCacherNg Proxy => _proxy.Value;

    /// <summary>
    /// The example manifest made buildable here: paths into samples/ made absolute, this fixture's wheel directory,
    /// proxy port and index URL put in, and <paramref name="change"/> applied last.
    /// </summary>
    public string Manifest(string example, Func<string, string>? change = null)
    {
        var text = File.ReadAllText(Repository.Example(example))
            .Replace("../../../samples/software/wheels", Wheels, StringComparison.Ordinal)
            .Replace("../../../samples/", Path.Combine(Repository.Root, "samples") + "/", StringComparison.Ordinal)
            .Replace("http://127.0.0.1:8080/simple", Index.Url, StringComparison.Ordinal);
        if (text.Contains("apt_proxy:", StringComparison.Ordinal))
        {
            text = text.Replace("    port: 3142\n", $"    port: {Proxy.Port}\n", StringComparison.Ordinal);
        }

        var path = Path.Combine(Directory, Path.GetFileName(example));
        File.WriteAllText(path, change is null ? text : change(text));
        return path;
    }

    public void Dispose()
    {
        Index.Dispose();
        if (_proxy.IsValueCreated)
        {
            _proxy.Value.Dispose();
        }

        TestDirectory.Remove(Directory);
    }
}
