using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Tests.Fakes;

/// <summary>
/// A local stand-in for OCI's Core Services API (there is no emulator): it checks every request's signature as OCI
/// documents it (Authorization: Signature version="1" with the expected keyId and rsa-sha256, the headers it must
/// sign (date, (request-target), host, and for a body x-content-sha256, content-type, content-length), the date
/// within 5 minutes, the body's SHA-256, and the signature itself against the API key's public half), and each
/// operation's body (CreateImageDetails with an objectStorageTuple source). It answers as OCI does (JSON, its error
/// codes, opc-request-id, opc-work-request-id), keeps images and work requests, and records every call. A request
/// it cannot accept is listed in <see cref="Problems"/> and answered with OCI's error.
/// </summary>
public sealed partial class FakeOciApi : IDisposable
{
    private static readonly string[] LaunchModes = ["NATIVE", "EMULATED", "PARAVIRTUALIZED", "CUSTOM"];
    private static readonly string[] SourceImageTypes = ["QCOW2", "VMDK"];
    private static readonly string[] SignedWithoutBody = ["date", "(request-target)", "host"];
    private static readonly string[] SignedWithBody = ["x-content-sha256", "content-type", "content-length"];

    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly RSA _publicKey;
    private readonly string _keyId;
    private readonly string _region;
    private readonly Lock _lock = new();
    private readonly List<OciCall> _calls = [];
    private readonly List<string> _problems = [];
    private readonly Dictionary<string, Queue<(int Status, string Code)>> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JObject> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string ImageId, int Polls)> _workRequests = new(StringComparer.Ordinal);
    private int _next = 1;

    public FakeOciApi(RSA publicKey, string keyId, string region)
    {
        _publicKey = publicKey;
        _keyId = keyId;
        _region = region;
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

    /// <summary>What OCI_CLI_ENDPOINT is set to: the Core Services endpoint with its API version.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}/20160918");

    /// <summary>Called when CreateImage names its namespace, bucket and object: a test checks the object is really there. Its message, when not null, is OCI's refusal.</summary>
    public Func<string, string, string, string?>? CheckImportSource { get; set; }

    /// <summary>How many times GetWorkRequest answers IN_PROGRESS before SUCCEEDED.</summary>
    public int WorkRequestPolls { get; set; } = 1;

    public IReadOnlyList<OciCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_lock)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>The images by id, as GetImage answers them.</summary>
    public IReadOnlyDictionary<string, JObject> Images
    {
        get
        {
            lock (_lock)
            {
                return _images.ToDictionary(i => i.Key, i => (JObject)i.Value.DeepClone(), StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The next call of <paramref name="operation"/> fails with OCI's <paramref name="code"/> (e.g. 429 TooManyRequests).</summary>
    public void FailNext(string operation, int status, string code)
    {
        lock (_lock)
        {
            if (!_failures.TryGetValue(operation, out var queue))
            {
                _failures[operation] = queue = new Queue<(int, string)>();
            }

            queue.Enqueue((status, code));
        }
    }

    /// <summary>An image that exists before the test (to test the refusal of a duplicate name).</summary>
    public void AddImage(string id, string compartment, string name)
    {
        lock (_lock)
        {
            _images[id] = new JObject { ["id"] = id, ["compartmentId"] = compartment, ["displayName"] = name, ["lifecycleState"] = "AVAILABLE" };
        }
    }

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

            try
            {
                using var buffer = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(buffer);
                var (status, json, headers) = Answer(context.Request, buffer.ToArray());
                var bytes = json is null ? [] : Encoding.UTF8.GetBytes(json.ToString(Formatting.None));
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                context.Response.Headers["opc-request-id"] = $"req-{Interlocked.Increment(ref _next)}";
                foreach (var (name, value) in headers)
                {
                    context.Response.Headers[name] = value;
                }

                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away.
            }
        }
    }

    private (int Status, JToken? Json, IReadOnlyDictionary<string, string> Headers) Answer(HttpListenerRequest request, byte[] body)
    {
        var path = request.Url!.AbsolutePath;
        var method = request.HttpMethod;
        var operation = (method, path) switch
        {
            ("POST", "/20160918/images") => "CreateImage",
            ("GET", "/20160918/images") => "ListImages",
            ("GET", _) when path.StartsWith("/20160918/images/", StringComparison.Ordinal) => "GetImage",
            ("DELETE", _) when path.StartsWith("/20160918/images/", StringComparison.Ordinal) => "DeleteImage",
            ("GET", _) when path.StartsWith("/20160918/workRequests/", StringComparison.Ordinal) => "GetWorkRequest",
            _ => $"{method} {path}",
        };
        JObject? json = null;
        lock (_lock)
        {
            try
            {
                json = body.Length == 0 ? null : JObject.Parse(Encoding.UTF8.GetString(body));
            }
            catch (JsonException)
            {
                _calls.Add(new OciCall(operation, method, request.Url.PathAndQuery, null));
                return Refuse("the body is not JSON", 400, "InvalidParameter");
            }

            _calls.Add(new OciCall(operation, method, request.Url.PathAndQuery, json));
            var problem = CheckSignature(request, body);
            if (problem is not null)
            {
                return Refuse(problem, 401, "NotAuthenticated");
            }

            if (_failures.TryGetValue(operation, out var queue) && queue.TryDequeue(out var failure))
            {
                return Error(failure.Status, failure.Code, $"injected {failure.Code}");
            }

            var id = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
            return operation switch
            {
                "CreateImage" => CreateImage(json),
                "ListImages" => ListImages(request),
                "GetImage" => _images.TryGetValue(id, out var image) ? Ok(image.DeepClone()) : NotFound(),
                "DeleteImage" => DeleteImage(id),
                "GetWorkRequest" => GetWorkRequest(id),
                _ => Refuse($"`{operation}` is not an operation this stand-in knows", 404, "NotAuthorizedOrNotFound"),
            };
        }
    }

    private string? CheckSignature(HttpListenerRequest request, byte[] body)
    {
        var authorization = request.Headers["Authorization"] ?? string.Empty;
        if (!authorization.StartsWith("Signature ", StringComparison.Ordinal))
        {
            return $"no Signature authorization (Authorization: {authorization})";
        }

        var fields = SignatureField().Matches(authorization["Signature ".Length..]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        if (fields.GetValueOrDefault("version") != "1" || fields.GetValueOrDefault("algorithm") != "rsa-sha256")
        {
            return $"the signature is not version 1 rsa-sha256: {authorization}";
        }

        if (fields.GetValueOrDefault("keyId") != _keyId)
        {
            return $"keyId {fields.GetValueOrDefault("keyId")} instead of {_keyId}";
        }

        var signed = (fields.GetValueOrDefault("headers") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var required = request.HttpMethod is "POST" or "PUT" ? [.. SignedWithoutBody, .. SignedWithBody] : SignedWithoutBody;
        if (required.FirstOrDefault(name => !signed.Contains(name, StringComparer.Ordinal)) is { } missing)
        {
            return $"the signature does not cover {missing} (headers=\"{string.Join(' ', signed)}\")";
        }

        if (!DateTimeOffset.TryParse(request.Headers["date"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) || (DateTimeOffset.UtcNow - date).Duration() > TimeSpan.FromMinutes(5))
        {
            return $"the date header `{request.Headers["date"]}` is missing or more than 5 minutes off";
        }

        if (request.HttpMethod is "POST" or "PUT")
        {
            if (request.Headers["x-content-sha256"] != Convert.ToBase64String(SHA256.HashData(body)))
            {
                return "x-content-sha256 is not the body's SHA-256";
            }

            if (request.ContentType != "application/json" || request.Headers["content-length"] != body.Length.ToString(CultureInfo.InvariantCulture))
            {
                return $"content-type {request.ContentType} / content-length {request.Headers["content-length"]} do not describe the JSON body of {body.Length} bytes";
            }
        }

        var lines = signed.Select(name => name == "(request-target)"
            ? $"{name}: {request.HttpMethod.ToLowerInvariant()} {request.Url!.PathAndQuery}"
            : $"{name}: {request.Headers[name]}");
        var text = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(fields.GetValueOrDefault("signature") ?? string.Empty);
        }
        catch (FormatException)
        {
            return "the signature is not base64";
        }

        return _publicKey.VerifyData(text, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) ? null : "the signature does not verify with the API key's public key";
    }

    private (int, JToken?, IReadOnlyDictionary<string, string>) CreateImage(JObject? details)
    {
        if (details is null)
        {
            return Refuse("CreateImage without CreateImageDetails", 400, "MissingParameter");
        }

        var compartment = (string?)details["compartmentId"];
        if (compartment is null || !compartment.StartsWith("ocid1.", StringComparison.Ordinal))
        {
            return Refuse("compartmentId is required and must be an OCID", 400, "InvalidParameter");
        }

        var mode = (string?)details["launchMode"];
        if (mode is not null && !LaunchModes.Contains(mode))
        {
            return Refuse($"launchMode {mode} is not one of {string.Join(", ", LaunchModes)}", 400, "InvalidParameter");
        }

        if (details["imageSourceDetails"] is not JObject source || (string?)source["sourceType"] != "objectStorageTuple")
        {
            return Refuse("imageSourceDetails with sourceType objectStorageTuple is required (instanceId is not served here)", 400, "InvalidParameter");
        }

        var (ns, bucket, name) = ((string?)source["namespaceName"], (string?)source["bucketName"], (string?)source["objectName"]);
        if (ns is null || bucket is null || name is null)
        {
            return Refuse("an objectStorageTuple needs namespaceName, bucketName and objectName", 400, "MissingParameter");
        }

        if ((string?)source["sourceImageType"] is { } type && !SourceImageTypes.Contains(type))
        {
            return Refuse($"sourceImageType {type} is not one of {string.Join(", ", SourceImageTypes)}", 400, "InvalidParameter");
        }

        if (details["freeformTags"] is { } tags && (tags is not JObject freeform || freeform.Properties().Any(p => p.Value.Type != JTokenType.String)))
        {
            return Refuse("freeformTags must map strings to strings", 400, "InvalidParameter");
        }

        if (CheckImportSource?.Invoke(ns, bucket, name) is { } refusal)
        {
            return Error(400, "InvalidParameter", refusal);
        }

        var number = Interlocked.Increment(ref _next);
        var id = $"ocid1.image.oc1.{_region}.fake{number}";
        var image = new JObject
        {
            ["id"] = id,
            ["compartmentId"] = compartment,
            ["displayName"] = details["displayName"] ?? $"image-{number}",
            ["launchMode"] = mode ?? "NATIVE",
            ["lifecycleState"] = "IMPORTING",
            ["operatingSystem"] = source["operatingSystem"] ?? "Custom",
            ["operatingSystemVersion"] = source["operatingSystemVersion"] ?? "Custom",
            ["freeformTags"] = details["freeformTags"] ?? new JObject(),
            ["timeCreated"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        _images[id] = image;
        var workRequest = $"ocid1.coreservicesworkrequest.oc1.{_region}.fake{number}";
        _workRequests[workRequest] = (id, 0);
        return (200, image.DeepClone(), new Dictionary<string, string>(StringComparer.Ordinal) { ["opc-work-request-id"] = workRequest, ["etag"] = $"\"{number}\"" });
    }

    private (int, JToken?, IReadOnlyDictionary<string, string>) ListImages(HttpListenerRequest request)
    {
        var compartment = request.QueryString["compartmentId"];
        if (compartment is null)
        {
            return Refuse("ListImages needs compartmentId", 400, "MissingParameter");
        }

        var name = request.QueryString["displayName"];
        return Ok(new JArray(_images.Values.Where(i => (string?)i["compartmentId"] == compartment && (name is null || (string?)i["displayName"] == name)).Select(i => i.DeepClone())));
    }

    private (int, JToken?, IReadOnlyDictionary<string, string>) DeleteImage(string id)
    {
        if (!_images.TryGetValue(id, out var image))
        {
            return NotFound();
        }

        image["lifecycleState"] = "DELETED";
        return (204, null, new Dictionary<string, string>(StringComparer.Ordinal));
    }

    private (int, JToken?, IReadOnlyDictionary<string, string>) GetWorkRequest(string id)
    {
        if (!_workRequests.TryGetValue(id, out var request))
        {
            return NotFound();
        }

        var done = request.Polls >= WorkRequestPolls;
        _workRequests[id] = (request.ImageId, request.Polls + 1);
        if (done)
        {
            _images[request.ImageId]["lifecycleState"] = "AVAILABLE";
        }

        return Ok(new JObject
        {
            ["id"] = id,
            ["operationType"] = "CreateImage",
            ["status"] = done ? "SUCCEEDED" : "IN_PROGRESS",
            ["percentComplete"] = done ? 100 : 40,
            ["resources"] = new JArray(new JObject { ["entityType"] = "image", ["actionType"] = done ? "CREATED" : "IN_PROGRESS", ["identifier"] = request.ImageId }),
        });
    }

    private static (int, JToken?, IReadOnlyDictionary<string, string>) Ok(JToken json) => (200, json, new Dictionary<string, string>(StringComparer.Ordinal));

    private static (int, JToken?, IReadOnlyDictionary<string, string>) NotFound() =>
        Error(404, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found.");

    private (int, JToken?, IReadOnlyDictionary<string, string>) Refuse(string problem, int status, string code)
    {
        _problems.Add(problem);
        return Error(status, code, problem);
    }

    private static (int, JToken?, IReadOnlyDictionary<string, string>) Error(int status, string code, string message) =>
        (status, new JObject { ["code"] = code, ["message"] = message }, new Dictionary<string, string>(StringComparer.Ordinal));

    [GeneratedRegex("""(\w+)="([^"]*)",?""")]
    private static partial Regex SignatureField();
}
