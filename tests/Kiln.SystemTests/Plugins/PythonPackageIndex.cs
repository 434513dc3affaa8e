using System.Security.Cryptography;
using System.Text;

namespace Kiln.SystemTests.Plugins;

/// <summary>
/// A package index in the PEP 503 "simple" layout, served on 127.0.0.1 and a free port: /simple/NAME/ lists the
/// project's wheels with their hashes, /files/WHEEL serves them.
/// </summary>
public sealed class PythonPackageIndex : IDisposable
{
    private readonly Dictionary<string, string> _wheels;
    private readonly LoopbackHttpServer _server;

    /// <param name="wheels">The wheels to serve, by normalized project name.</param>
    public PythonPackageIndex(IReadOnlyDictionary<string, string> wheels)
    {
        _wheels = new Dictionary<string, string>(wheels, StringComparer.Ordinal);
        _server = new LoopbackHttpServer(Answer);
    }

    public string Url => $"http://127.0.0.1:{_server.Port}/simple";

    /// <summary>Every path pip asked for, without the leading / (the test checks it came here).</summary>
    public IReadOnlyList<string> Requests => _server.Requests;

    public void Dispose() => _server.Dispose();

    private HttpAnswer? Answer(string path)
    {
        var parts = path.Trim('/').Split('/');
        if (parts is ["simple", var project] && _wheels.TryGetValue(project, out var listed))
        {
            var name = Path.GetFileName(listed);
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(listed)));
            return new HttpAnswer(Encoding.UTF8.GetBytes($"<!DOCTYPE html>\n<html><body><a href=\"/files/{name}#sha256={hash}\">{name}</a></body></html>\n"), "text/html");
        }

        return parts is ["files", var file] && _wheels.Values.FirstOrDefault(w => Path.GetFileName(w) == file) is { } wheel
            ? new HttpAnswer(File.ReadAllBytes(wheel), "application/octet-stream")
            : null;
    }
}
