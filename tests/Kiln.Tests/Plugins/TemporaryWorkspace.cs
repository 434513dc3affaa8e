using Kiln.Host;
using Kiln.Specs;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiln.Tests.Plugins;

/// <summary>A workspace in a temporary directory, for tasks that read or write files (the runner still runs nothing).</summary>
public sealed class TemporaryWorkspace : IDisposable
{
    public TemporaryWorkspace() => System.IO.Directory.CreateDirectory(Paths.BuildDirectory);

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("kiln-unit-").FullName;

    public BuildPaths Paths => new(Path.Combine(Directory, "workspace"), "kiln-test", Path.Combine(Directory, "output"));

    /// <summary>A context whose paths lie in this workspace; relative paths of the manifest resolve against <see cref="Directory"/>.</summary>
    public BuildContext Context(BuildSpec manifest, ICommandRunner? runner = null) =>
        new(manifest, Paths, runner ?? new FakeCommandRunner(), NullLoggerFactory.Instance);

    /// <summary>Where a manifest in this workspace pretends to live.</summary>
    public string ManifestPath => Path.Combine(Directory, "m.yml");

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
