using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Text;
using System.Web;

namespace Kiln.Tests.Fakes;

/// <summary>
/// A local stand-in for the EC2 Query API (there is no emulator): it checks every request against the documented
/// API (POST, Version 2016-11-15, a SigV4 Authorization for the region, each action's required parameters and
/// their values), answers as EC2 does (its XML, its error codes and statuses, RequestLimitExceeded with 503), keeps
/// the import tasks, snapshots and images it made, and records every call. A request it cannot accept is listed in
/// <see cref="Problems"/> and answered with EC2's error, so the test sees both.
/// </summary>
public sealed class FakeEc2Api : IDisposable
{
    private const string Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private static readonly string[] Formats = ["VMDK", "RAW", "VHD", "VHDX"];
    private static readonly string[] BootModes = ["legacy-bios", "uefi", "uefi-preferred"];
    private static readonly string[] ArchitectureNames = ["i386", "x86_64", "arm64", "x86_64_mac", "arm64_mac"];
    private static readonly string[] VolumeTypes = ["standard", "io1", "io2", "gp2", "sc1", "st1", "gp3"];

    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly string _region;
    private readonly HashSet<string> _otherRegions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeInstance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _imageRegions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _publicImages = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly List<Ec2Call> _calls = [];
    private readonly List<string> _problems = [];
    private readonly Dictionary<string, Queue<(int Status, string Code)>> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImportTask> _imports = new(StringComparer.Ordinal);
    private readonly HashSet<string> _snapshots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _images = new(StringComparer.Ordinal);
    private int _next = 1;

    public FakeEc2Api(string region, params string[] otherRegions)
    {
        _region = region;
        _otherRegions.UnionWith(otherRegions);
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

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/");

    /// <summary>Called when ImportSnapshot names its bucket and key: a test checks the object is really there. Its message, when not null, is EC2's refusal.</summary>
    public Func<string, string, string?>? CheckImportSource { get; set; }

    /// <summary>How many times DescribeImportSnapshotTasks answers <c>active</c> before <c>completed</c>.</summary>
    public int ImportPolls { get; set; } = 1;

    public IReadOnlyList<Ec2Call> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Requests that broke the documented API: each one a sentence. A test that expects a clean run asserts this is empty.</summary>
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

    public IReadOnlyCollection<string> Snapshots
    {
        get
        {
            lock (_lock)
            {
                return [.. _snapshots];
            }
        }
    }

    /// <summary>The registered images by id, with their names.</summary>
    public IReadOnlyDictionary<string, string> Images
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, string>(_images, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>How many times DescribeInstances answers <c>pending</c> before <c>running</c>.</summary>
    public int InstancePolls { get; set; } = 1;

    /// <summary>The instances launched, by id: their image, type, key, groups, tags and state.</summary>
    public IReadOnlyDictionary<string, FakeInstance> Instances
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, FakeInstance>(_instances, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The region of each image (the registered ones are in the stand-in's own region, copies in theirs).</summary>
    public IReadOnlyDictionary<string, string> ImageRegions
    {
        get
        {
            lock (_lock)
            {
                return _images.Keys.ToDictionary(id => id, id => _imageRegions.GetValueOrDefault(id, _region), StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The images with the launch permission of group all.</summary>
    public IReadOnlyCollection<string> PublicImages
    {
        get
        {
            lock (_lock)
            {
                return [.. _publicImages];
            }
        }
    }

    /// <summary>The next call of <paramref name="action"/> fails with EC2's <paramref name="code"/> (e.g. 503 RequestLimitExceeded).</summary>
    public void FailNext(string action, int status, string code)
    {
        lock (_lock)
        {
            if (!_failures.TryGetValue(action, out var queue))
            {
                _failures[action] = queue = new Queue<(int, string)>();
            }

            queue.Enqueue((status, code));
        }
    }

    /// <summary>An image that exists before the test (to test the refusal of a duplicate name).</summary>
    public void AddImage(string id, string name)
    {
        lock (_lock)
        {
            _images[id] = name;
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
                var (status, xml) = Answer(context.Request, body);
                var bytes = Encoding.UTF8.GetBytes(xml);
                context.Response.StatusCode = status;
                context.Response.ContentType = "text/xml;charset=UTF-8";
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

    private (int Status, string Xml) Answer(HttpListenerRequest request, string body)
    {
        var parameters = HttpUtility.ParseQueryString(body);
        var values = parameters.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => parameters[k]!, StringComparer.Ordinal);
        var action = values.GetValueOrDefault("Action") ?? string.Empty;
        lock (_lock)
        {
            var region = SignedRegion(request);
            _calls.Add(new Ec2Call(action, values) { Region = region });
            var problem = CheckEnvelope(request, values);
            if (problem is not null)
            {
                return Refuse(problem, 400, "InvalidRequest");
            }

            if (_failures.TryGetValue(action, out var queue) && queue.TryDequeue(out var failure))
            {
                return Error(failure.Status, failure.Code, $"injected {failure.Code}");
            }

            return action switch
            {
                "DescribeImages" => DescribeImages(values),
                "ImportSnapshot" => ImportSnapshot(values),
                "DescribeImportSnapshotTasks" => DescribeImportSnapshotTasks(values),
                "CancelImportTask" => CancelImportTask(values),
                "CreateTags" => CreateTags(values),
                "RegisterImage" => RegisterImage(values),
                "DeregisterImage" => DeregisterImage(values),
                "DeleteSnapshot" => DeleteSnapshot(values),
                "CopyImage" => CopyImage(values, region!),
                "ModifyImageAttribute" => ModifyImageAttribute(values),
                "RunInstances" => RunInstances(values),
                "DescribeInstances" => DescribeInstances(values),
                "TerminateInstances" => TerminateInstances(values),
                _ => Refuse($"the action `{action}` is not one this stand-in knows", 400, "InvalidAction"),
            };
        }
    }

    private string? CheckEnvelope(HttpListenerRequest request, Dictionary<string, string> values)
    {
        if (request.HttpMethod != "POST")
        {
            return $"{request.HttpMethod} instead of POST";
        }

        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) != true)
        {
            return $"content type {request.ContentType} instead of application/x-www-form-urlencoded";
        }

        if (values.GetValueOrDefault("Version") != "2016-11-15")
        {
            return $"API version {values.GetValueOrDefault("Version")} instead of 2016-11-15";
        }

        var authorization = request.Headers["Authorization"] ?? string.Empty;
        var region = SignedRegion(request);
        if (!authorization.StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal) || region is null || (region != _region && !_otherRegions.Contains(region)))
        {
            return $"no SigV4 signature for {_region}/ec2 (or {string.Join(", ", _otherRegions)}) (Authorization: {authorization})";
        }

        return request.Headers["X-Amz-Date"] is null ? "no X-Amz-Date header" : null;
    }

    private (int, string) DescribeImages(Dictionary<string, string> values)
    {
        if (values.TryGetValue("ImageId.1", out var imageId))
        {
            var found = _images.TryGetValue(imageId, out var imageName)
                ? $"<item><imageId>{imageId}</imageId><name>{Escape(imageName)}</name><imageState>available</imageState></item>"
                : string.Empty;
            return found.Length == 0 ? Error(400, "InvalidAMIID.NotFound", $"The image id '[{imageId}]' does not exist") : Ok("DescribeImagesResponse", $"<imagesSet>{found}</imagesSet>");
        }

        if (values.GetValueOrDefault("Owner.1") != "self" || values.GetValueOrDefault("Filter.1.Name") != "name" || !values.TryGetValue("Filter.1.Value.1", out var name))
        {
            return Refuse("DescribeImages without Owner.1=self and a name filter", 400, "InvalidParameterCombination");
        }

        var items = string.Concat(_images.Where(i => i.Value == name).Select(i => $"<item><imageId>{i.Key}</imageId><name>{Escape(i.Value)}</name><imageState>available</imageState></item>"));
        return Ok("DescribeImagesResponse", $"<imagesSet>{items}</imagesSet>");
    }

    private (int, string) ImportSnapshot(Dictionary<string, string> values)
    {
        var format = values.GetValueOrDefault("DiskContainer.Format");
        var bucket = values.GetValueOrDefault("DiskContainer.UserBucket.S3Bucket");
        var key = values.GetValueOrDefault("DiskContainer.UserBucket.S3Key");
        if (format is null || !Formats.Contains(format, StringComparer.OrdinalIgnoreCase))
        {
            return Refuse($"ImportSnapshot with DiskContainer.Format {format}", 400, "InvalidParameterValue");
        }

        if (bucket is null || key is null)
        {
            return Refuse("ImportSnapshot without DiskContainer.UserBucket.S3Bucket and S3Key", 400, "MissingParameter");
        }

        if (values.ContainsKey("KmsKeyId") && values.GetValueOrDefault("Encrypted") != "true")
        {
            return Refuse("ImportSnapshot with KmsKeyId but not Encrypted", 400, "InvalidParameterCombination");
        }

        if (CheckImportSource?.Invoke(bucket, key) is { } refusal)
        {
            return Error(400, "InvalidParameter", refusal);
        }

        var id = $"import-snap-{Next():x17}";
        _imports[id] = new ImportTask(format.ToUpperInvariant(), bucket, key);
        return Ok("ImportSnapshotResponse", $"<importTaskId>{id}</importTaskId><snapshotTaskDetail><status>active</status><progress>0</progress></snapshotTaskDetail>");
    }

    private (int, string) DescribeImportSnapshotTasks(Dictionary<string, string> values)
    {
        if (!values.TryGetValue("ImportTaskId.1", out var id) || !_imports.TryGetValue(id, out var task))
        {
            return Error(400, "InvalidConversionTaskId.Malformed", $"The import task ID '{values.GetValueOrDefault("ImportTaskId.1")}' is not valid");
        }

        if (task.Status == "active")
        {
            task.Polls++;
            if (task.Polls > ImportPolls)
            {
                task.Status = "completed";
                task.SnapshotId = $"snap-{Next():x17}";
                _snapshots.Add(task.SnapshotId);
            }
        }

        var snapshot = task.SnapshotId is null ? string.Empty : $"<snapshotId>{task.SnapshotId}</snapshotId>";
        var progress = task.Status == "active" ? "<progress>42</progress><statusMessage>converting</statusMessage>" : string.Empty;
        return Ok("DescribeImportSnapshotTasksResponse", $"<importSnapshotTaskSet><item><importTaskId>{id}</importTaskId><snapshotTaskDetail><status>{task.Status}</status>{progress}{snapshot}<format>{task.Format}</format><userBucket><s3Bucket>{Escape(task.Bucket)}</s3Bucket><s3Key>{Escape(task.Key)}</s3Key></userBucket></snapshotTaskDetail></item></importSnapshotTaskSet>");
    }

    private (int, string) CancelImportTask(Dictionary<string, string> values)
    {
        if (!values.TryGetValue("ImportTaskId", out var id) || !_imports.TryGetValue(id, out var task))
        {
            return Error(400, "InvalidConversionTaskId", $"The import task ID '{values.GetValueOrDefault("ImportTaskId")}' does not exist");
        }

        var previous = task.Status;
        task.Status = "deleted";
        return Ok("CancelImportTaskResponse", $"<importTaskId>{id}</importTaskId><previousState>{previous}</previousState><state>deleting</state>");
    }

    private (int, string) CreateTags(Dictionary<string, string> values)
    {
        if (!values.TryGetValue("ResourceId.1", out var resource) || !values.ContainsKey("Tag.1.Key"))
        {
            return Refuse("CreateTags without ResourceId.1 and Tag.1.Key", 400, "MissingParameter");
        }

        return _snapshots.Contains(resource) || _images.ContainsKey(resource)
            ? Ok("CreateTagsResponse", "<return>true</return>")
            : Error(400, "InvalidID", $"The ID '{resource}' is not valid");
    }

    private (int, string) RegisterImage(Dictionary<string, string> values)
    {
        var name = values.GetValueOrDefault("Name") ?? string.Empty;
        var root = values.GetValueOrDefault("RootDeviceName");
        var problems = new List<string>();
        if (name.Length is < 3 or > 128 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && !"()[] ./-'@_".Contains(c, StringComparison.Ordinal)))
        {
            problems.Add($"the name `{name}` is not 3-128 of the characters AMI names allow");
        }

        if (root is null || values.GetValueOrDefault("BlockDeviceMapping.1.DeviceName") != root)
        {
            problems.Add("RootDeviceName without a block device mapping for it");
        }

        if (!ArchitectureNames.Contains(values.GetValueOrDefault("Architecture") ?? string.Empty, StringComparer.Ordinal))
        {
            problems.Add($"Architecture {values.GetValueOrDefault("Architecture")}");
        }

        if (values.GetValueOrDefault("VirtualizationType") != "hvm")
        {
            problems.Add($"VirtualizationType {values.GetValueOrDefault("VirtualizationType")}");
        }

        if (values.TryGetValue("BootMode", out var mode) && !BootModes.Contains(mode, StringComparer.Ordinal))
        {
            problems.Add($"BootMode {mode}");
        }

        if (values.TryGetValue("BlockDeviceMapping.1.Ebs.VolumeType", out var type) && !VolumeTypes.Contains(type, StringComparer.Ordinal))
        {
            problems.Add($"VolumeType {type}");
        }

        if (values.TryGetValue("SriovNetSupport", out var sriov) && sriov != "simple")
        {
            problems.Add($"SriovNetSupport {sriov}");
        }

        if (problems.Count > 0)
        {
            return Refuse("RegisterImage: " + string.Join("; ", problems), 400, "InvalidParameterValue");
        }

        var snapshot = values.GetValueOrDefault("BlockDeviceMapping.1.Ebs.SnapshotId");
        if (snapshot is null || !_snapshots.Contains(snapshot))
        {
            return Error(400, "InvalidSnapshot.NotFound", $"The snapshot '{snapshot}' does not exist.");
        }

        if (_images.ContainsValue(name))
        {
            return Error(400, "InvalidAMIName.Duplicate", $"AMI name {name} is already in use by AMI {_images.First(i => i.Value == name).Key}");
        }

        var id = $"ami-{Next():x17}";
        _images[id] = name;
        return Ok("RegisterImageResponse", $"<imageId>{id}</imageId>");
    }

    private (int, string) DeregisterImage(Dictionary<string, string> values) =>
        values.TryGetValue("ImageId", out var id) && _images.Remove(id)
            ? Ok("DeregisterImageResponse", "<return>true</return>")
            : Error(400, "InvalidAMIID.NotFound", $"The image id '[{values.GetValueOrDefault("ImageId")}]' does not exist");

    private (int, string) DeleteSnapshot(Dictionary<string, string> values) =>
        values.TryGetValue("SnapshotId", out var id) && _snapshots.Remove(id)
            ? Ok("DeleteSnapshotResponse", "<return>true</return>")
            : Error(400, "InvalidSnapshot.NotFound", $"The snapshot '{values.GetValueOrDefault("SnapshotId")}' does not exist.");

    private (int, string) CopyImage(Dictionary<string, string> values, string region)
    {
        var (source, sourceRegion, name) = (values.GetValueOrDefault("SourceImageId"), values.GetValueOrDefault("SourceRegion"), values.GetValueOrDefault("Name"));
        if (source is null || sourceRegion is null || name is null)
        {
            return Refuse("CopyImage without SourceImageId, SourceRegion and Name", 400, "MissingParameter");
        }

        if (sourceRegion == region)
        {
            return Refuse($"CopyImage asked of {region}, the source region itself: a copy is asked of the destination region's endpoint", 400, "InvalidParameterCombination");
        }

        if (!_images.ContainsKey(source) || _imageRegions.GetValueOrDefault(source, _region) != sourceRegion)
        {
            return Error(400, "InvalidAMIID.NotFound", $"The image id '[{source}]' does not exist in {sourceRegion}");
        }

        var id = $"ami-{Next():x17}";
        _images[id] = name;
        _imageRegions[id] = region;
        return Ok("CopyImageResponse", $"<imageId>{id}</imageId>");
    }

    private (int, string) ModifyImageAttribute(Dictionary<string, string> values)
    {
        if (!values.TryGetValue("ImageId", out var id) || !_images.ContainsKey(id))
        {
            return Error(400, "InvalidAMIID.NotFound", $"The image id '[{values.GetValueOrDefault("ImageId")}]' does not exist");
        }

        if (values.GetValueOrDefault("LaunchPermission.Add.1.Group") != "all")
        {
            return Refuse($"ModifyImageAttribute without LaunchPermission.Add.1.Group=all ({string.Join(", ", values.Keys)})", 400, "InvalidParameterCombination");
        }

        _publicImages.Add(id);
        return Ok("ModifyImageAttributeResponse", "<return>true</return>");
    }

    private (int, string) RunInstances(Dictionary<string, string> values)
    {
        if (!values.TryGetValue("ImageId", out var image) || values.GetValueOrDefault("MinCount") != "1" || values.GetValueOrDefault("MaxCount") != "1")
        {
            return Refuse("RunInstances without ImageId, MinCount=1 and MaxCount=1", 400, "MissingParameter");
        }

        if (!_images.ContainsKey(image))
        {
            return Error(400, "InvalidAMIID.NotFound", $"The image id '[{image}]' does not exist");
        }

        var type = values.GetValueOrDefault("InstanceType") ?? "m1.small";
        if (!System.Text.RegularExpressions.Regex.IsMatch(type, "^[a-z0-9-]+\\.[a-z0-9]+$"))
        {
            return Refuse($"InstanceType {type}", 400, "InvalidParameterValue");
        }

        var groups = values.Where(v => v.Key.StartsWith("SecurityGroupId.", StringComparison.Ordinal)).OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Value).ToList();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 1; values.TryGetValue($"TagSpecification.1.Tag.{n}.Key", out var key); n++)
        {
            if (values.GetValueOrDefault("TagSpecification.1.ResourceType") != "instance")
            {
                return Refuse($"RunInstances tags for {values.GetValueOrDefault("TagSpecification.1.ResourceType")} instead of instance", 400, "InvalidParameterValue");
            }

            tags[key] = values.GetValueOrDefault($"TagSpecification.1.Tag.{n}.Value") ?? string.Empty;
        }

        var id = $"i-{Next():x17}";
        var instance = new FakeInstance(id, image, type, values.GetValueOrDefault("KeyName"), groups, tags);
        _instances[id] = instance;
        return Ok("RunInstancesResponse", $"<reservationId>r-{Next():x17}</reservationId><ownerId>123456789012</ownerId><instancesSet>{InstanceXml(instance)}</instancesSet>");
    }

    private (int, string) DescribeInstances(Dictionary<string, string> values)
    {
        if (!values.TryGetValue("InstanceId.1", out var id) || !_instances.TryGetValue(id, out var instance))
        {
            return Error(400, "InvalidInstanceID.NotFound", $"The instance ID '{values.GetValueOrDefault("InstanceId.1")}' does not exist");
        }

        if (instance.State == "pending" && ++instance.Polls > InstancePolls)
        {
            instance.State = "running";
        }

        return Ok("DescribeInstancesResponse", $"<reservationSet><item><reservationId>r-0</reservationId><instancesSet>{InstanceXml(instance)}</instancesSet></item></reservationSet>");
    }

    private (int, string) TerminateInstances(Dictionary<string, string> values)
    {
        if (!values.TryGetValue("InstanceId.1", out var id) || !_instances.TryGetValue(id, out var instance))
        {
            return Error(400, "InvalidInstanceID.NotFound", $"The instance ID '{values.GetValueOrDefault("InstanceId.1")}' does not exist");
        }

        var previous = instance.State;
        instance.State = "terminated";
        return Ok("TerminateInstancesResponse", $"<instancesSet><item><instanceId>{id}</instanceId><currentState><code>32</code><name>shutting-down</name></currentState><previousState><code>16</code><name>{previous}</name></previousState></item></instancesSet>");
    }

    private static string InstanceXml(FakeInstance instance)
    {
        var code = instance.State switch { "pending" => 0, "running" => 16, "shutting-down" => 32, _ => 48 };
        var address = instance.State == "running" ? "<ipAddress>198.51.100.7</ipAddress><privateIpAddress>10.0.0.7</privateIpAddress>" : "<privateIpAddress>10.0.0.7</privateIpAddress>";
        return $"<item><instanceId>{instance.Id}</instanceId><imageId>{instance.ImageId}</imageId><instanceState><code>{code}</code><name>{instance.State}</name></instanceState><instanceType>{instance.InstanceType}</instanceType>{address}</item>";
    }

    private static string? SignedRegion(HttpListenerRequest request)
    {
        var match = System.Text.RegularExpressions.Regex.Match(request.Headers["Authorization"] ?? string.Empty, "Credential=[^/]+/[0-9]{8}/([a-z0-9-]+)/ec2/aws4_request");
        return match.Success ? match.Groups[1].Value : null;
    }

    private int Next() => _next++;

    private (int, string) Refuse(string problem, int status, string code)
    {
        _problems.Add(problem);
        return Error(status, code, problem);
    }

    private static (int, string) Ok(string element, string content) =>
        (200, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><{element} xmlns=\"{Namespace}\"><requestId>{Guid.NewGuid()}</requestId>{content}</{element}>");

    private static (int, string) Error(int status, string code, string message) =>
        (status, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>{code}</Code><Message>{Escape(message)}</Message></Error></Errors><RequestID>{Guid.NewGuid()}</RequestID></Response>");

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

    private sealed class ImportTask(string format, string bucket, string key)
    {
        public string Format { get; } = format;

        public string Bucket { get; } = bucket;

        public string Key { get; } = key;

        public string Status { get; set; } = "active";

        public int Polls { get; set; }

        public string? SnapshotId { get; set; }
    }
}
