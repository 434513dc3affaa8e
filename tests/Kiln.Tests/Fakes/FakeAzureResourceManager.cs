using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Web;
using Newtonsoft.Json.Linq;

namespace Kiln.Tests.Fakes;

/// <summary>
/// A local stand-in for Azure Resource Manager and Microsoft Entra ID's token endpoint (there is no emulator): it
/// checks every request against the documented APIs (the client-credentials grant's form, a bearer token it issued,
/// Microsoft.Compute's api-version, the image's resource path, name and body), answers as Azure does (201 with
/// <c>Azure-AsyncOperation</c>, the operation's InProgress then Succeeded, 202 for a delete, Azure's error document
/// with its codes, 429 with Retry-After), and records every call. A request it cannot accept is listed in
/// <see cref="Problems"/> and answered with Azure's error, so the test sees both.
/// </summary>
public sealed partial class FakeAzureResourceManager : IDisposable
{
    public const string Tenant = "72f988bf-0000-4000-8000-000000000001";
    public const string ClientId = "0b2c4c8a-0000-4000-8000-000000000002";
    public const string ClientSecret = "fake-client-secret-value";
    public const string Subscription = "1d0c0e5e-0000-4000-8000-000000000003";

    private static readonly string[] ComputeVersions = ["2021-11-01", "2022-03-01", "2022-08-01", "2022-11-01", "2023-03-01", "2023-07-01", "2023-09-01", "2024-03-01", "2024-07-01", "2024-11-01"];

    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly Lock _lock = new();
    private readonly List<ArmCall> _calls = [];
    private readonly List<string> _problems = [];
    private readonly Dictionary<string, Queue<(int Status, string Code)>> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JObject> _images = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (int Polls, string? Image, bool Delete)> _operations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);
    private int _next = 1;

    public FakeAzureResourceManager(string resourceGroup, string location)
    {
        ResourceGroup = resourceGroup;
        Location = location;
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

    public string ResourceGroup { get; }

    public string Location { get; }

    /// <summary>Serves both the token endpoint (as AZURE_AUTHORITY_HOST) and Resource Manager (as AZURE_RESOURCE_MANAGER_ENDPOINT).</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}/";

    /// <summary>How many polls of an operation answer InProgress before Succeeded.</summary>
    public int OperationPolls { get; set; } = 1;

    /// <summary>Called with the image's blobUri: a test checks the blob is really there. Its message, when not null, is Azure's refusal.</summary>
    public Func<string, string?>? CheckBlob { get; set; }

    /// <summary>The environment Kiln reads to reach this stand-in as a service principal.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AZURE_TENANT_ID"] = Tenant,
        ["AZURE_CLIENT_ID"] = ClientId,
        ["AZURE_CLIENT_SECRET"] = ClientSecret,
        ["AZURE_SUBSCRIPTION_ID"] = Subscription,
        ["AZURE_AUTHORITY_HOST"] = Endpoint,
        ["AZURE_RESOURCE_MANAGER_ENDPOINT"] = Endpoint,
    };

    public IReadOnlyList<ArmCall> Calls
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

    /// <summary>The images that exist, by name, as their PUT bodies.</summary>
    public IReadOnlyDictionary<string, JObject> Images
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, JObject>(_images, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>The next call of <paramref name="operation"/> (<c>PUT image</c>, <c>GET operation</c>, <c>POST token</c> ...) fails with Azure's <paramref name="code"/>.</summary>
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

    public void AddImage(string name)
    {
        lock (_lock)
        {
            _images[name] = new JObject { ["location"] = Location };
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
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var answer = Answer(context.Request, body);
                context.Response.StatusCode = answer.Status;
                foreach (var (name, value) in answer.Headers)
                {
                    context.Response.Headers[name] = value;
                }

                var bytes = Encoding.UTF8.GetBytes(answer.Json?.ToString(Newtonsoft.Json.Formatting.None) ?? string.Empty);
                if (answer.Json is not null)
                {
                    context.Response.ContentType = "application/json; charset=utf-8";
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

    private sealed record Reply(int Status, JObject? Json, IReadOnlyDictionary<string, string> Headers)
    {
        public Reply(int status, JObject? json)
            : this(status, json, new Dictionary<string, string>(StringComparer.Ordinal))
        {
        }
    }

    private Reply Answer(HttpListenerRequest request, string body)
    {
        var path = request.Url!.AbsolutePath;
        var query = HttpUtility.ParseQueryString(request.Url.Query);
        lock (_lock)
        {
            if (request.HttpMethod == "POST" && path == $"/{Tenant}/oauth2/v2.0/token")
            {
                return Record("POST token", path, null) ?? Token(request, body);
            }

            if (request.HttpMethod == "POST" && path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
            {
                return Refuse("POST token", path, null, $"the token request is for the tenant in {path}, not {Tenant}", 400, "invalid_request", oauth: true);
            }

            var operationMatch = OperationPath().Match(path);
            var imageMatch = ImagePath().Match(path);
            var kind = operationMatch.Success ? "operation" : imageMatch.Success ? "image" : "unknown";
            var operation = $"{request.HttpMethod} {kind}";
            JObject? json = null;
            if (body.Length > 0)
            {
                try
                {
                    json = JObject.Parse(body);
                }
                catch (Newtonsoft.Json.JsonException)
                {
                    return Refuse(operation, path, null, "the body is no JSON object", 400, "InvalidRequestContent");
                }
            }

            if (Record(operation, path, json) is { } failure)
            {
                return failure;
            }

            var authorization = request.Headers["Authorization"];
            if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.Contains(authorization["Bearer ".Length..]))
            {
                return Refuse(operation, path, json, "the request carries no bearer token this stand-in issued", 401, "InvalidAuthenticationToken");
            }

            if (!ComputeVersions.Contains(query["api-version"]))
            {
                return Refuse(operation, path, json, $"api-version `{query["api-version"]}` is not one of Microsoft.Compute's", 400, "InvalidApiVersionParameter");
            }

            if (operationMatch.Success)
            {
                return request.HttpMethod == "GET" ? PollOperation(operationMatch.Groups["id"].Value) : Refuse(operation, path, json, "operations are only read", 405, "MethodNotAllowed");
            }

            if (!imageMatch.Success)
            {
                return Refuse(operation, path, json, $"{path} is no Microsoft.Compute image path this stand-in knows", 404, "InvalidResourceType");
            }

            if (imageMatch.Groups["subscription"].Value != Subscription)
            {
                return Refuse(operation, path, json, $"the subscription {imageMatch.Groups["subscription"].Value} is not {Subscription}", 404, "SubscriptionNotFound");
            }

            if (!string.Equals(imageMatch.Groups["group"].Value, ResourceGroup, StringComparison.OrdinalIgnoreCase))
            {
                return Error(404, "ResourceGroupNotFound", $"Resource group '{imageMatch.Groups["group"].Value}' could not be found.");
            }

            var name = imageMatch.Groups["name"].Value;
            if (!ImageName().IsMatch(name))
            {
                return Refuse(operation, path, json, $"the image name `{name}` breaks Azure's rule (1-80 letters, digits, _ . -; starts with a letter or digit, ends with one or _)", 400, "InvalidResourceName");
            }

            return request.HttpMethod switch
            {
                "GET" => _images.TryGetValue(name, out var image) ? new Reply(200, Resource(name, image, "Succeeded")) : Error(404, "ResourceNotFound", $"The Resource 'Microsoft.Compute/images/{name}' under resource group '{ResourceGroup}' was not found."),
                "PUT" => PutImage(request, path, name, json),
                "DELETE" => DeleteImage(name),
                _ => Refuse(operation, path, json, $"{request.HttpMethod} is not an images method", 405, "MethodNotAllowed"),
            };
        }
    }

    private Reply? Record(string operation, string path, JObject? json)
    {
        _calls.Add(new ArmCall(operation, path, json));
        if (_failures.TryGetValue(operation, out var queue) && queue.TryDequeue(out var failure))
        {
            var reply = Error(failure.Status, failure.Code, $"injected {failure.Code}");
            return failure.Status == 429 ? reply with { Headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["Retry-After"] = "1" } } : reply;
        }

        return null;
    }

    private Reply Token(HttpListenerRequest request, string body)
    {
        var form = HttpUtility.ParseQueryString(body);
        string? problem = (request.ContentType ?? string.Empty).StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) ? null : $"the token request's Content-Type is {request.ContentType}, not a form";
        problem ??= form["grant_type"] != "client_credentials" ? $"grant_type is {form["grant_type"]}, not client_credentials" : null;
        problem ??= form["scope"] != $"http://127.0.0.1:{Port}/.default" ? $"the scope is {form["scope"]}, not the Resource Manager's /.default" : null;
        if (problem is not null)
        {
            _problems.Add(problem);
            return OAuthError(400, "invalid_request", problem);
        }

        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return OAuthError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
        }

        var token = $"fake-arm-token-{_next++}";
        _tokens.Add(token);
        return new Reply(200, new JObject { ["token_type"] = "Bearer", ["expires_in"] = 3599, ["ext_expires_in"] = 3599, ["access_token"] = token });
    }

    private Reply PutImage(HttpListenerRequest request, string path, string name, JObject? json)
    {
        var problem = Check(request, json);
        if (problem is not null)
        {
            return Refuse("PUT image", path, json, problem, 400, "InvalidParameter");
        }

        if (CheckBlob?.Invoke((string)json!.SelectToken("properties.storageProfile.osDisk.blobUri")!) is { } missing)
        {
            return Error(400, "InvalidParameter", missing);
        }

        var created = !_images.ContainsKey(name);
        _images[name] = json!;
        var id = StartOperation(name, delete: false);
        return new Reply(created ? 201 : 200, Resource(name, json!, "Creating"), OperationHeaders(id, location: false));
    }

    private string? Check(HttpListenerRequest request, JObject? json)
    {
        if (!(request.ContentType ?? string.Empty).StartsWith("application/json", StringComparison.Ordinal))
        {
            return $"the body's Content-Type is {request.ContentType}, not application/json";
        }

        if (json is null)
        {
            return "the PUT has no body";
        }

        if ((string?)json["location"] != Location)
        {
            return $"location is `{json["location"]}`, not the resource group's {Location}";
        }

        var generation = (string?)json.SelectToken("properties.hyperVGeneration");
        if (generation is not ("V1" or "V2"))
        {
            return $"properties.hyperVGeneration is `{generation}`, not V1 or V2";
        }

        var disk = json.SelectToken("properties.storageProfile.osDisk");
        if (disk is null)
        {
            return "properties.storageProfile.osDisk is missing";
        }

        if ((string?)disk["osType"] is not ("Linux" or "Windows") || (string?)disk["osState"] is not ("Generalized" or "Specialized"))
        {
            return $"osDisk.osType must be Linux or Windows and osState Generalized or Specialized, not {disk["osType"]} and {disk["osState"]}";
        }

        if (!Uri.TryCreate((string?)disk["blobUri"], UriKind.Absolute, out var blob) || !blob.AbsolutePath.EndsWith(".vhd", StringComparison.OrdinalIgnoreCase))
        {
            return $"osDisk.blobUri `{disk["blobUri"]}` is no URL of a .vhd page blob";
        }

        if ((string?)disk["storageAccountType"] is { } type && type is not ("Standard_LRS" or "Premium_LRS" or "StandardSSD_LRS" or "UltraSSD_LRS" or "Premium_ZRS" or "StandardSSD_ZRS" or "PremiumV2_LRS"))
        {
            return $"osDisk.storageAccountType `{type}` is no disk SKU";
        }

        return json.SelectToken("properties.storageProfile.osDisk.caching") is { } caching && (string?)caching is not ("None" or "ReadOnly" or "ReadWrite")
            ? $"osDisk.caching `{caching}` is not None, ReadOnly or ReadWrite"
            : null;
    }

    private Reply DeleteImage(string name)
    {
        if (!_images.ContainsKey(name))
        {
            return new Reply(204, null);
        }

        var id = StartOperation(name, delete: true);
        return new Reply(202, null, OperationHeaders(id, location: true));
    }

    private string StartOperation(string image, bool delete)
    {
        var id = Guid.NewGuid().ToString();
        _operations[id] = (OperationPolls, image, delete);
        return id;
    }

    private Dictionary<string, string> OperationHeaders(string id, bool location)
    {
        var uri = $"{Endpoint}subscriptions/{Subscription}/providers/Microsoft.Compute/locations/{Location}/operations/{id}?api-version=2024-03-01";
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["Azure-AsyncOperation"] = uri, ["Retry-After"] = "10" };
        if (location)
        {
            headers["Location"] = uri + "&monitor=true";
        }

        return headers;
    }

    private Reply PollOperation(string id)
    {
        if (!_operations.TryGetValue(id, out var operation))
        {
            return Error(404, "NotFound", $"the operation {id} is not known");
        }

        if (operation.Polls > 0)
        {
            _operations[id] = operation with { Polls = operation.Polls - 1 };
            return new Reply(200, new JObject { ["startTime"] = "2026-12-02T05:00:00Z", ["status"] = "InProgress", ["name"] = id });
        }

        if (operation.Delete && operation.Image is { } image)
        {
            _images.Remove(image);
        }

        return new Reply(200, new JObject { ["startTime"] = "2026-12-02T05:00:00Z", ["endTime"] = "2026-12-02T05:00:10Z", ["status"] = "Succeeded", ["name"] = id });
    }

    private JObject Resource(string name, JObject body, string state)
    {
        var resource = (JObject)body.DeepClone();
        resource["name"] = name;
        resource["id"] = $"/subscriptions/{Subscription}/resourceGroups/{ResourceGroup}/providers/Microsoft.Compute/images/{name}";
        resource["type"] = "Microsoft.Compute/images";
        if (resource["properties"] is JObject properties)
        {
            properties["provisioningState"] = state;
        }

        return resource;
    }

    private Reply Refuse(string operation, string path, JObject? json, string problem, int status, string code, bool oauth = false)
    {
        _problems.Add($"{operation} {path}: {problem}");
        return oauth ? OAuthError(status, code, problem) : Error(status, code, problem);
    }

    private static Reply Error(int status, string code, string message) =>
        new(status, new JObject { ["error"] = new JObject { ["code"] = code, ["message"] = message } });

    private static Reply OAuthError(int status, string code, string description) =>
        new(status, new JObject { ["error"] = code, ["error_description"] = description, ["error_codes"] = new JArray(7000215) });

    [GeneratedRegex("^/subscriptions/(?<subscription>[^/]+)/resourceGroups/(?<group>[^/]+)/providers/Microsoft\\.Compute/images/(?<name>[^/]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ImagePath();

    [GeneratedRegex("^/subscriptions/[^/]+/providers/Microsoft\\.Compute/locations/[^/]+/operations/(?<id>[^/]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex OperationPath();

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageName();
}
