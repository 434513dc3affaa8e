using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kiln.SystemTests.Clouds;

/// <summary>
/// s3rver (from npm, installed by .ci/run into tests/stand-ins) on 127.0.0.1 and a free port, with one bucket:
/// a real S3 REST API (SigV4 checked against its account S3RVER/S3RVER, multipart uploads) that keeps objects in a
/// temporary directory the test can look into.
/// </summary>
public sealed class S3rver : IDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly Process _process;
    private readonly string _directory;

    private S3rver(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public static async Task<S3rver> StartAsync(string bucket)
    {
        var script = Path.Combine(Repository.Root, "tests", "stand-ins", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} is missing: run `npm ci --prefix tests/stand-ins` (.ci/run does)");
        }

        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var directory = Directory.CreateTempSubdirectory("kiln-s3rver-").FullName;
        var info = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, "--directory", directory, "--address", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--no-vhost-buckets", "--configure-bucket", bucket })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new S3rver(process, directory, port);
        using var client = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(server.Endpoint + "/"));
                return server;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        server.Dispose();
        throw new InvalidOperationException("s3rver did not answer within 10 s");
    }

    /// <summary>The size of an object s3rver holds, or null when there is none (its file store: BUCKET/KEY._S3rver_object).</summary>
    public long? ObjectSize(string bucket, string key)
    {
        var file = new FileInfo(Path.Combine(_directory, bucket, key + "._S3rver_object"));
        return file.Exists ? file.Length : null;
    }

    /// <summary>The text of an object s3rver holds, or null when there is none.</summary>
    public string? ObjectText(string bucket, string key)
    {
        var file = Path.Combine(_directory, bucket, key + "._S3rver_object");
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    /// <summary>The metadata s3rver keeps beside an object (its content type among them), or null.</summary>
    public string? ObjectMetadata(string bucket, string key)
    {
        var file = Path.Combine(_directory, bucket, key + "._S3rver_metadata.json");
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        TestDirectory.Remove(_directory);
    }
}
