using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Web;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Tests.Fakes;

/// <summary>
/// A local stand-in for Google's OAuth 2.0 token endpoint, the Cloud Storage JSON API (buckets.get, resumable
/// uploads, objects.delete) and the Compute Engine v1 API (images.get/insert/delete, globalOperations.get), as
/// there is no emulator here. It checks every request against Google's documentation: the JWT bearer grant
/// (RS256 signature with the service account's key, iss, aud, scope, a one-hour lifetime), the bearer token on
/// every call, paths, query parameters, Content-Range arithmetic and 256 KiB chunks, the image resource's fields
/// (name, rawDisk.source of an uploaded object, guest OS features, family, labels); it answers as Google does
/// (its JSON errors and statuses, 308 with Range, operations that run before they are DONE), and fails calls
/// on request (429 rateLimitExceeded, 503). A request it cannot accept is listed in <see cref="Problems"/>.
/// </summary>
public sealed partial class FakeGoogleCloud : IDisposable
{
    public const string ClientEmail = "kiln-publisher@kiln-test-project.iam.gserviceaccount.com";

    public const string KeyId = "0123456789abcdef0123456789abcdef01234567";

    private static readonly string[] FeatureTypes =
    [
        "FEATURE_TYPE_UNSPECIFIED", "GVNIC", "IDPF", "MULTI_IP_SUBNET", "SECURE_BOOT", "SEV_CAPABLE", "SEV_LIVE_MIGRATABLE", "SEV_LIVE_MIGRATABLE_V2",
        "SEV_SNP_CAPABLE", "TDX_CAPABLE", "UEFI_COMPATIBLE", "VIRTIO_SCSI_MULTIQUEUE", "WINDOWS",
    ];

    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly RSA _key = RSA.Create(2048);
    private readonly string _objects = Directory.CreateTempSubdirectory("kiln-fake-gcs-").FullName;
    private readonly Lock _lock = new();
    private readonly List<GoogleCall> _calls = [];
    private readonly List<string> _problems = [];
    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _stored = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Upload> _uploads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JObject> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Failure>> _failures = new(StringComparer.Ordinal);
    private int _next = 1;

    public FakeGoogleCloud(string project, params string[] buckets)
    {
        Project = project;
        _buckets.UnionWith(buckets);
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Project { get; }

    public int Port { get; }

    public Uri Root => new($"http://127.0.0.1:{Port}/");

    /// <summary>The value of CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE for this stand-in.</summary>
    public string ComputeEndpoint => $"{Root}compute/v1/";

    /// <summary>The value of CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE for this stand-in.</summary>
    public string StorageEndpoint => $"{Root}storage/v1/";

    public string TokenUri => $"{Root}token";

    /// <summary>How many times globalOperations.get answers RUNNING before DONE.</summary>
    public int OperationPolls { get; set; } = 1;

    /// <summary>Called when images.insert names its source object (its file here): a test checks the archive. Its message, when not null, fails the operation as GCE does.</summary>
    public Func<string, string?>? CheckImageSource { get; set; }

    public IReadOnlyList<GoogleCall> Calls
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

    /// <summary>The images by name, as images.get answers them.</summary>
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

    /// <summary>The service account key file (JSON) for this stand-in: its private key signs the token grants, its token_uri is here.</summary>
    public string ServiceAccountKey(string? tokenUri = null) => new JObject
    {
        ["type"] = "service_account",
        ["project_id"] = Project,
        ["private_key_id"] = KeyId,
        ["private_key"] = _key.ExportPkcs8PrivateKeyPem() + "\n",
        ["client_email"] = ClientEmail,
        ["client_id"] = "100000000000000000001",
        ["auth_uri"] = "https://accounts.google.com/o/oauth2/auth",
        ["token_uri"] = tokenUri ?? TokenUri,
    }.ToString(Formatting.Indented);

    /// <summary>The size of a stored object, or null when there is none.</summary>
    public long? ObjectSize(string bucket, string name)
    {
        lock (_lock)
        {
            return _stored.TryGetValue($"{bucket}/{name}", out var size) ? size : null;
        }
    }

    public void AddImage(string name)
    {
        lock (_lock)
        {
            _images[name] = new JObject { ["kind"] = "compute#image", ["id"] = "1", ["name"] = name, ["status"] = "READY" };
        }
    }

    /// <summary>
    /// The next call of <paramref name="method"/> (e.g. <c>images.insert</c>, <c>objects.insert</c>, <c>token</c>), or the one
    /// after <paramref name="skip"/> more, fails with this status and reason.
    /// </summary>
    public void FailNext(string method, int status, string reason, int skip = 0)
    {
        lock (_lock)
        {
            if (!_failures.TryGetValue(method, out var failures))
            {
                _failures[method] = failures = [];
            }

            failures.Add(new Failure(status, reason) { Skip = skip });
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
        _key.Dispose();
        Directory.Delete(_objects, recursive: true);
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
                await using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                var answer = Respond(context.Request, body.ToArray());
                var bytes = Encoding.UTF8.GetBytes(answer.Json);
                context.Response.StatusCode = answer.Status;
                foreach (var (name, value) in answer.Headers)
                {
                    context.Response.AddHeader(name, value);
                }

                context.Response.ContentType = "application/json; charset=UTF-8";
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

    private Answer Respond(HttpListenerRequest request, byte[] body)
    {
        var path = request.Url!.AbsolutePath;
        var query = HttpUtility.ParseQueryString(request.Url.Query);
        var method = MethodOf(request.HttpMethod, path, query);
        lock (_lock)
        {
            _calls.Add(new GoogleCall(method, request.HttpMethod, path, request.Url.Query, method == "objects.insert" && request.HttpMethod == "PUT" ? $"{body.Length} bytes" : Encoding.UTF8.GetString(body)));
            if (method == "unknown")
            {
                return Refuse($"{request.HttpMethod} {path}{request.Url.Query} is no call of the APIs this stand-in knows", 404, "notFound");
            }

            if (method != "token" && CheckToken(request) is { } unauthenticated)
            {
                return unauthenticated;
            }

            if (_failures.TryGetValue(method, out var failures) && failures.Count > 0)
            {
                var failure = failures[0];
                if (failure.Skip-- == 0)
                {
                    failures.RemoveAt(0);
                    return Error(failure.Status, failure.Reason, $"injected {failure.Reason}");
                }
            }

            return method switch
            {
                "token" => Token(request, body),
                "buckets.get" => BucketsGet(path),
                "objects.insert" => request.HttpMethod == "POST" ? StartUpload(request, path, query, body) : ContinueUpload(request, query, body),
                "objects.delete" => ObjectsDelete(path),
                "images.get" => ImagesGet(path),
                "images.insert" => ImagesInsert(path, body),
                "images.delete" => ImagesDelete(path),
                _ => OperationsGet(path),
            };
        }
    }

    private static string MethodOf(string verb, string path, System.Collections.Specialized.NameValueCollection query) => (verb, path) switch
    {
        ("POST", "/token") => "token",
        ("GET", _) when StoragePath().IsMatch(path) && !path.Contains("/o/", StringComparison.Ordinal) => "buckets.get",
        ("POST" or "PUT", _) when path.StartsWith("/upload/storage/v1/b/", StringComparison.Ordinal) && path.EndsWith("/o", StringComparison.Ordinal) && query["uploadType"] == "resumable" => "objects.insert",
        ("DELETE", _) when StoragePath().IsMatch(path) && path.Contains("/o/", StringComparison.Ordinal) => "objects.delete",
        ("GET", _) when ImagePath().IsMatch(path) => "images.get",
        ("DELETE", _) when ImagePath().IsMatch(path) => "images.delete",
        ("POST", _) when ImagesPath().IsMatch(path) => "images.insert",
        ("GET", _) when OperationPath().IsMatch(path) => "globalOperations.get",
        _ => "unknown",
    };

    private Answer? CheckToken(HttpListenerRequest request)
    {
        var authorization = request.Headers["Authorization"] ?? string.Empty;
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.Contains(authorization["Bearer ".Length..]))
        {
            _problems.Add($"{request.HttpMethod} {request.Url!.AbsolutePath} without a bearer token the token endpoint issued (Authorization: {authorization})");
            return Error(401, "UNAUTHENTICATED", "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "required");
        }

        return null;
    }

    private Answer Token(HttpListenerRequest request, byte[] body)
    {
        var form = HttpUtility.ParseQueryString(Encoding.UTF8.GetString(body));
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) != true || form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer")
        {
            _problems.Add($"token request with content type {request.ContentType} and grant_type {form["grant_type"]}");
            return OAuthError("unsupported_grant_type", "Invalid grant_type");
        }

        var parts = (form["assertion"] ?? string.Empty).Split('.');
        if (parts.Length != 3)
        {
            _problems.Add("token request without a JWT assertion");
            return OAuthError("invalid_request", "Invalid JWT");
        }

        var header = JObject.Parse(Encoding.UTF8.GetString(FromBase64Url(parts[0])));
        var claims = JObject.Parse(Encoding.UTF8.GetString(FromBase64Url(parts[1])));
        var signed = _key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var iat = claims["iat"]?.Value<long>() ?? 0;
        var exp = claims["exp"]?.Value<long>() ?? 0;
        var problems = new List<string>();
        if ((string?)header["alg"] != "RS256" || (string?)header["kid"] != KeyId)
        {
            problems.Add($"JWT header {header.ToString(Formatting.None)}");
        }

        if (!signed)
        {
            problems.Add("the JWT signature is not the service account key's");
        }

        if ((string?)claims["iss"] != ClientEmail || (string?)claims["aud"] != TokenUri || !((string?)claims["scope"] ?? string.Empty).Split(' ').Contains("https://www.googleapis.com/auth/cloud-platform"))
        {
            problems.Add($"JWT claims {claims.ToString(Formatting.None)}");
        }

        if (Math.Abs(iat - now) > 300 || exp - iat is <= 0 or > 3600)
        {
            problems.Add($"JWT times iat {iat} exp {exp} (now {now})");
        }

        if (problems.Count > 0)
        {
            _problems.AddRange(problems);
            return OAuthError("invalid_grant", "Invalid JWT Signature.");
        }

        var token = $"ya29.fake-{Next()}";
        _tokens.Add(token);
        return Ok(new JObject { ["access_token"] = token, ["expires_in"] = 3599, ["token_type"] = "Bearer" });
    }

    private Answer BucketsGet(string path)
    {
        var bucket = Uri.UnescapeDataString(path["/storage/v1/b/".Length..].TrimEnd('/'));
        return _buckets.Contains(bucket)
            ? Ok(new JObject { ["kind"] = "storage#bucket", ["id"] = bucket, ["name"] = bucket, ["location"] = "EU", ["storageClass"] = "STANDARD" })
            : Error(404, "notFound", "The specified bucket does not exist.");
    }

    private Answer StartUpload(HttpListenerRequest request, string path, System.Collections.Specialized.NameValueCollection query, byte[] body)
    {
        var bucket = Uri.UnescapeDataString(path["/upload/storage/v1/b/".Length..^"/o".Length]);
        var name = query["name"];
        if (!_buckets.Contains(bucket))
        {
            return Error(404, "notFound", "The specified bucket does not exist.");
        }

        if (string.IsNullOrEmpty(name))
        {
            return Refuse("a resumable upload without the object's name", 400, "required");
        }

        if (body.Length > 0 && (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true || (string?)JObject.Parse(Encoding.UTF8.GetString(body))["name"] is { } metadataName && metadataName != name))
        {
            return Refuse($"upload metadata that is no JSON object resource for {name}: {request.ContentType} {Encoding.UTF8.GetString(body)}", 400, "invalid");
        }

        if (request.Headers["X-Upload-Content-Length"] is { } length && !long.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return Refuse($"X-Upload-Content-Length {length}", 400, "invalid");
        }

        var id = $"upload-{Next()}";
        _uploads[id] = new Upload(bucket, name, Path.Combine(_objects, id));
        File.WriteAllBytes(_uploads[id].File, []);
        return new Answer(200, "{}", [("Location", $"{Root}upload/storage/v1/b/{Uri.EscapeDataString(bucket)}/o?uploadType=resumable&name={Uri.EscapeDataString(name)}&upload_id={id}")]);
    }

    private Answer ContinueUpload(HttpListenerRequest request, System.Collections.Specialized.NameValueCollection query, byte[] body)
    {
        if (query["upload_id"] is not { } id || !_uploads.TryGetValue(id, out var upload))
        {
            return Refuse($"a PUT to an upload session that does not exist ({query["upload_id"]})", 404, "notFound");
        }

        var range = ContentRange().Match(request.Headers["Content-Range"] ?? string.Empty);
        if (!range.Success)
        {
            return Refuse($"Content-Range `{request.Headers["Content-Range"]}` is not bytes FIRST-LAST/TOTAL or bytes */TOTAL", 400, "invalid");
        }

        var total = range.Groups["total"].Value == "*" ? (long?)null : long.Parse(range.Groups["total"].Value, CultureInfo.InvariantCulture);
        if (range.Groups["first"].Success)
        {
            var first = long.Parse(range.Groups["first"].Value, CultureInfo.InvariantCulture);
            var last = long.Parse(range.Groups["last"].Value, CultureInfo.InvariantCulture);
            if (last - first + 1 != body.Length || first > upload.Received)
            {
                return Refuse($"Content-Range {first}-{last} with {body.Length} bytes, {upload.Received} received so far", 400, "invalid");
            }

            if (total is null && body.Length % (256 * 1024) != 0)
            {
                return Refuse($"a chunk of {body.Length} bytes, not a multiple of 256 KiB", 400, "invalid");
            }

            if (total is { } size && last + 1 < size && body.Length % (256 * 1024) != 0)
            {
                return Refuse($"a chunk of {body.Length} bytes before the last, not a multiple of 256 KiB", 400, "invalid");
            }

            using (var file = new FileStream(upload.File, FileMode.Open, FileAccess.Write))
            {
                file.Position = first;
                file.Write(body);
            }

            upload.Received = last + 1;
        }
        else if (body.Length != 0)
        {
            return Refuse("a status query (bytes */TOTAL) with a body", 400, "invalid");
        }

        if (total is { } expected && upload.Received == expected)
        {
            var key = $"{upload.Bucket}/{upload.Name}";
            var final = Path.Combine(_objects, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))));
            File.Move(upload.File, final, overwrite: true);
            _stored[key] = expected;
            _uploads.Remove(id);
            return Ok(new JObject { ["kind"] = "storage#object", ["bucket"] = upload.Bucket, ["name"] = upload.Name, ["size"] = expected.ToString(CultureInfo.InvariantCulture), ["contentType"] = "application/gzip" });
        }

        return new Answer(308, string.Empty, upload.Received == 0 ? [] : [("Range", $"bytes=0-{upload.Received - 1}")]);
    }

    private Answer ObjectsDelete(string path)
    {
        var rest = path["/storage/v1/b/".Length..];
        var slash = rest.IndexOf("/o/", StringComparison.Ordinal);
        var key = $"{Uri.UnescapeDataString(rest[..slash])}/{Uri.UnescapeDataString(rest[(slash + 3)..])}";
        if (!_stored.Remove(key))
        {
            return Error(404, "notFound", $"No such object: {key}");
        }

        File.Delete(Path.Combine(_objects, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))));
        return new Answer(204, string.Empty, []);
    }

    private Answer ImagesGet(string path)
    {
        if (ProjectOf(path) is { } wrong)
        {
            return wrong;
        }

        var name = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        return _images.TryGetValue(name, out var image) ? Ok(image) : Error(404, "notFound", $"The resource 'projects/{Project}/global/images/{name}' was not found");
    }

    private Answer ImagesInsert(string path, byte[] body)
    {
        if (ProjectOf(path) is { } wrong)
        {
            return wrong;
        }

        JObject image;
        try
        {
            image = JObject.Parse(Encoding.UTF8.GetString(body));
        }
        catch (JsonException)
        {
            return Refuse("images.insert with a body that is no JSON object", 400, "parseError");
        }

        var name = (string?)image["name"] ?? string.Empty;
        var source = (string?)image["rawDisk"]?["source"] ?? string.Empty;
        var problems = new List<string>();
        if (!ResourceName().IsMatch(name))
        {
            problems.Add($"name `{name}` is no RFC 1035 name of at most 63 characters");
        }

        if (image["family"] is { } family && !ResourceName().IsMatch((string?)family ?? string.Empty))
        {
            problems.Add($"family `{family}`");
        }

        if (!source.StartsWith("https://storage.googleapis.com/", StringComparison.Ordinal) || !source.EndsWith(".tar.gz", StringComparison.Ordinal))
        {
            problems.Add($"rawDisk.source `{source}` is no https://storage.googleapis.com/BUCKET/OBJECT.tar.gz");
        }

        if (image["rawDisk"]?["containerType"] is { } container && (string?)container != "TAR")
        {
            problems.Add($"rawDisk.containerType {container}");
        }

        foreach (var feature in image["guestOsFeatures"] as JArray ?? [])
        {
            if (!FeatureTypes.Contains((string?)feature["type"] ?? string.Empty, StringComparer.Ordinal))
            {
                problems.Add($"guestOsFeatures type {feature["type"]}");
            }
        }

        if ((string?)image["architecture"] is { } architecture && architecture is not ("X86_64" or "ARM64"))
        {
            problems.Add($"architecture {architecture}");
        }

        foreach (var label in (image["labels"] as JObject ?? []).Properties())
        {
            if (!LabelKey().IsMatch(label.Name) || !LabelValue().IsMatch((string?)label.Value ?? string.Empty))
            {
                problems.Add($"label {label.Name}: {label.Value}");
            }
        }

        if (problems.Count > 0)
        {
            return Refuse("images.insert: " + string.Join("; ", problems), 400, "invalid");
        }

        if (_images.ContainsKey(name))
        {
            return Error(409, "alreadyExists", $"The resource 'projects/{Project}/global/images/{name}' already exists");
        }

        var key = source["https://storage.googleapis.com/".Length..];
        string? failure = _stored.ContainsKey(key) ? CheckImageSource?.Invoke(Path.Combine(_objects, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))))) : $"The resource '{source}' was not found";
        image["kind"] = "compute#image";
        image["id"] = Next().ToString(CultureInfo.InvariantCulture);
        image["status"] = "READY";
        image["selfLink"] = $"{ComputeEndpoint}projects/{Project}/global/images/{name}";
        return Ok(StartOperation("insert", name, failure is null ? image : null, failure));
    }

    private Answer ImagesDelete(string path)
    {
        if (ProjectOf(path) is { } wrong)
        {
            return wrong;
        }

        var name = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        if (!_images.Remove(name))
        {
            return Error(404, "notFound", $"The resource 'projects/{Project}/global/images/{name}' was not found");
        }

        var operation = StartOperation("delete", name, null, null);
        _operations[(string)operation["name"]!].Polls = int.MaxValue;
        return Ok(Describe(_operations[(string)operation["name"]!], done: true));
    }

    private Answer OperationsGet(string path)
    {
        if (ProjectOf(path) is { } wrong)
        {
            return wrong;
        }

        var name = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        if (!_operations.TryGetValue(name, out var operation))
        {
            return Error(404, "notFound", $"The resource 'projects/{Project}/global/operations/{name}' was not found");
        }

        operation.Polls++;
        var done = operation.Polls > OperationPolls;
        if (done && operation.Image is { } image && !_images.ContainsKey((string)image["name"]!))
        {
            _images[(string)image["name"]!] = image;
            operation.Image = null;
        }

        return Ok(Describe(operation, done));
    }

    private JObject StartOperation(string type, string target, JObject? image, string? failure)
    {
        var operation = new Operation($"operation-{Next()}-kiln", type, target, image, failure);
        _operations[operation.Name] = operation;
        return Describe(operation, done: false);
    }

    private JObject Describe(Operation operation, bool done)
    {
        var result = new JObject
        {
            ["kind"] = "compute#operation",
            ["id"] = "42",
            ["name"] = operation.Name,
            ["operationType"] = operation.Type,
            ["targetLink"] = $"{ComputeEndpoint}projects/{Project}/global/images/{operation.Target}",
            ["status"] = done ? "DONE" : "RUNNING",
            ["progress"] = done ? 100 : 0,
            ["selfLink"] = $"{ComputeEndpoint}projects/{Project}/global/operations/{operation.Name}",
        };
        if (done && operation.Failure is { } failure)
        {
            result["error"] = new JObject { ["errors"] = new JArray(new JObject { ["code"] = "INVALID_IMAGE_FILE", ["message"] = failure }) };
        }

        return result;
    }

    private Answer? ProjectOf(string path)
    {
        var project = path.Split('/')[4];
        return project == Project ? null : Error(403, "forbidden", $"Required 'compute.images.create' permission for 'projects/{project}'");
    }

    private int Next() => _next++;

    private Answer Refuse(string problem, int status, string reason)
    {
        _problems.Add(problem);
        return Error(status, reason, problem);
    }

    private static Answer Ok(JObject document) => new(200, document.ToString(Formatting.None), []);

    private static Answer Error(int status, string reason, string message, string? detailReason = null)
    {
        var error = new JObject
        {
            ["error"] = new JObject
            {
                ["code"] = status,
                ["message"] = message,
                ["errors"] = new JArray(new JObject { ["message"] = message, ["domain"] = "global", ["reason"] = detailReason ?? reason }),
                ["status"] = status switch { 400 => "INVALID_ARGUMENT", 401 => "UNAUTHENTICATED", 403 => "PERMISSION_DENIED", 404 => "NOT_FOUND", 409 => "ALREADY_EXISTS", 429 => "RESOURCE_EXHAUSTED", 503 => "UNAVAILABLE", _ => "INTERNAL" },
            },
        };
        return new Answer(status, error.ToString(Formatting.None), []);
    }

    private static Answer OAuthError(string error, string description) =>
        new(400, new JObject { ["error"] = error, ["error_description"] = description }.ToString(Formatting.None), []);

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }

    [GeneratedRegex("^/storage/v1/b/[^/]+(/o/.+)?$")]
    private static partial Regex StoragePath();

    [GeneratedRegex("^/compute/v1/projects/[^/]+/global/images/[^/]+$")]
    private static partial Regex ImagePath();

    [GeneratedRegex("^/compute/v1/projects/[^/]+/global/images$")]
    private static partial Regex ImagesPath();

    [GeneratedRegex("^/compute/v1/projects/[^/]+/global/operations/[^/]+$")]
    private static partial Regex OperationPath();

    [GeneratedRegex(@"^bytes ((?<first>\d+)-(?<last>\d+)|\*)/(?<total>\d+|\*)$")]
    private static partial Regex ContentRange();

    [GeneratedRegex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex ResourceName();

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,62}$")]
    private static partial Regex LabelKey();

    [GeneratedRegex("^[a-z0-9_-]{0,63}$")]
    private static partial Regex LabelValue();

    private sealed record Answer(int Status, string Json, IReadOnlyList<(string Name, string Value)> Headers);

    private sealed class Failure(int status, string reason)
    {
        public int Status { get; } = status;

        public string Reason { get; } = reason;

        public int Skip { get; set; }
    }

    private sealed class Upload(string bucket, string name, string file)
    {
        public string Bucket { get; } = bucket;

        public string Name { get; } = name;

        public string File { get; } = file;

        public long Received { get; set; }
    }

    private sealed class Operation(string name, string type, string target, JObject? image, string? failure)
    {
        public string Name { get; } = name;

        public string Type { get; } = type;

        public string Target { get; } = target;

        public JObject? Image { get; set; } = image;

        public string? Failure { get; } = failure;

        public int Polls { get; set; }
    }
}
