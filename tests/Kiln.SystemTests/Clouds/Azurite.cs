using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Kiln.Providers.Azure.Publishing;

namespace Kiln.SystemTests.Clouds;

/// <summary>
/// azurite's Blob service (from npm, installed by .ci/run into tests/stand-ins) on 127.0.0.1 and a free port, with
/// its data in a temporary directory and one container: the Blob REST API with Shared Key checked against its
/// well-known account, page blobs included. The test reads back what was uploaded through the same REST API.
/// </summary>
public sealed class Azurite : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly AzureBlobStorage _client;

    private Azurite(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
        _client = new AzureBlobStorage(new StorageConnection(StorageConnectionString.DevelopmentAccount, new Uri(BlobEndpoint), Convert.FromBase64String(StorageConnectionString.DevelopmentKey), null, "azurite"));
    }

    public int Port { get; }

    public string BlobEndpoint => $"http://127.0.0.1:{Port}/{StorageConnectionString.DevelopmentAccount}";

    /// <summary>The connection string Azure's tools would be given for this emulator.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={StorageConnectionString.DevelopmentAccount};AccountKey={StorageConnectionString.DevelopmentKey};BlobEndpoint={BlobEndpoint};";

    public static async Task<Azurite> StartAsync(string container)
    {
        var script = Path.Combine(Repository.Root, "tests", "stand-ins", "node_modules", "azurite", "dist", "src", "blob", "main.js");
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

        var directory = Directory.CreateTempSubdirectory("kiln-azurite-").FullName;
        var info = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture), "--location", directory, "--silent", "--disableTelemetry" })
        {
            info.ArgumentList.Add(argument);
        }

        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? string.Empty);
        process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? string.Empty);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new Azurite(process, directory, port);
        HttpRequestException? last = null;
        // node takes its time to load azurite on a busy host.
        for (var attempt = 0; attempt < 600 && !process.HasExited; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"{azurite.BlobEndpoint}/{container}?restype=container")) { Content = new ByteArrayContent([]) };
                using var response = await azurite._client.SendAsync(request, CancellationToken.None);
                return azurite;
            }
            catch (HttpRequestException exception)
            {
                last = exception;
                await Task.Delay(100);
            }
        }

        azurite.Dispose();
        throw new InvalidOperationException($"azurite did not answer within 60 s ({last?.Message}); it said: {string.Join(" | ", output)}");
    }

    /// <summary>Get Blob Properties: the blob's length and type (null when there is no such blob).</summary>
    public async Task<(long Length, string Type)?> PropertiesAsync(string container, string blob)
    {
        using var response = await _client.SendAsync(BlobRequests.BlobProperties(_client.BlobUri(container, blob)), CancellationToken.None, allowNotFound: true);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : (response.Content.Headers.ContentLength ?? -1, response.Headers.GetValues("x-ms-blob-type").Single());
    }

    /// <summary>Get Blob of one range of the blob.</summary>
    public async Task<byte[]> ReadAsync(string container, string blob, long offset, int length)
    {
        using var response = await _client.SendAsync(BlobRequests.ReadRange(_client.BlobUri(container, blob), offset, length), CancellationToken.None);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public void Dispose()
    {
        _client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
