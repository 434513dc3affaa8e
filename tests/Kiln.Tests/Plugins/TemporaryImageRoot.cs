using Kiln.Specs;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiln.Tests.Plugins;

/// <summary>A build context whose root tree is a real temporary directory (for tasks that read and write image files), removed on dispose.</summary>
public sealed class TemporaryImageRoot : IDisposable
{
    public TemporaryImageRoot(BuildSpec manifest, FakeCommandRunner? runner = null)
    {
        Workspace = Directory.CreateTempSubdirectory("kiln-plugin-test-").FullName;
        Runner = runner ?? new FakeCommandRunner();
        Context = new BuildContext(manifest, new BuildPaths(Workspace, "kiln-test", Path.Combine(Workspace, "output")), Runner, NullLoggerFactory.Instance);
        Directory.CreateDirectory(Context.Paths.Root);
    }

    public string Workspace { get; }

    public FakeCommandRunner Runner { get; }

    public BuildContext Context { get; }

    public string Root => Context.Paths.Root;

    /// <summary>Writes a file into the root tree, creating its directories.</summary>
    public string Write(string pathInImage, string content)
    {
        var path = Context.Paths.InRoot(pathInImage);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Read(string pathInImage) => File.ReadAllText(Context.Paths.InRoot(pathInImage));

    public void Dispose() => Directory.Delete(Workspace, recursive: true);
}
