namespace Kiln.SystemTests.Plugins;

/// <summary>Serves a directory over HTTP on 127.0.0.1 and a free port, as a vendor's apt repository would be served.</summary>
public sealed class LocalRepositoryServer : IDisposable
{
    private readonly LoopbackHttpServer _server;

    public LocalRepositoryServer(string root)
    {
        var top = Path.GetFullPath(root);
        _server = new LoopbackHttpServer(relative =>
        {
            var path = Path.GetFullPath(Path.Combine(top, relative));
            return path.StartsWith(top + "/", StringComparison.Ordinal) && File.Exists(path)
                ? new HttpAnswer(File.ReadAllBytes(path), "application/octet-stream")
                : null;
        });
    }

    public int Port => _server.Port;

    /// <summary>Every path requested, in order (the test checks that apt really came here).</summary>
    public IReadOnlyList<string> Requests => _server.Requests;

    public void Dispose() => _server.Dispose();
}
