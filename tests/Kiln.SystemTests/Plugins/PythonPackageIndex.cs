using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Kiln.SystemTests.Plugins;

/// <summary>
/// A package index in the PEP 503 "simple" layout, served on 127.0.0.1 and a free port: /simple/NAME/ lists the
/// project's wheels with their hashes, /files/WHEEL serves them.
/// </summary>
public sealed class PythonPackageIndex : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, string> _wheels;
    private readonly Task _serving;

    /// <param name="wheels">The wheels to serve, by normalized project name.</param>
    public PythonPackageIndex(IReadOnlyDictionary<string, string> wheels)
    {
        _wheels = new Dictionary<string, string>(wheels, StringComparer.Ordinal);
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/simple";

    /// <summary>Every path pip asked for (the test checks it came here).</summary>
    public List<string> Requests { get; } = [];

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Answer(context);
        }
    }

    private void Answer(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = context.Request.Url!.AbsolutePath;
        lock (Requests)
        {
            Requests.Add(path);
        }

        var parts = path.Trim('/').Split('/');
        byte[] body;
        if (parts is ["simple", var project] && _wheels.TryGetValue(project, out var listed))
        {
            var name = Path.GetFileName(listed);
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(listed)));
            body = Encoding.UTF8.GetBytes($"<!DOCTYPE html>\n<html><body><a href=\"/files/{name}#sha256={hash}\">{name}</a></body></html>\n");
            response.ContentType = "text/html";
        }
        else if (parts is ["files", var file] && _wheels.Values.FirstOrDefault(w => Path.GetFileName(w) == file) is { } wheel)
        {
            body = File.ReadAllBytes(wheel);
            response.ContentType = "application/octet-stream";
        }
        else
        {
            response.StatusCode = 404;
            return;
        }

        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
    }
}
