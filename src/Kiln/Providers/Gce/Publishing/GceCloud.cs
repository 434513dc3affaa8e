using Kiln.Publishing;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Gce.Publishing;

/// <summary>Google Compute Engine with Cloud Storage: connects as gcloud does, and deletes what a killed publication left (the uploaded object, the image).</summary>
public sealed class GceCloud : ICloud
{
    /// <summary>Runs one API call (with the publisher's retries and error messages, or plainly).</summary>
    public delegate Task<JObject> ApiCall(string call, Func<CancellationToken, Task<JObject>> action, CancellationToken cancellationToken);

    public string Name => GceProvider.ProviderName;

    public IPublisher Connect(PublicationRecord record, CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(access);
        var target = GceTarget.From(record.Target);
        var connection = GoogleConnection.Resolve(target, access);
        return new GcePublisher(record, target, connection, connection.Client(access), access);
    }

    public async Task ReclaimAsync(CloudResource resource, CloudAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(access);
        // The project and endpoints the publication used, with this process's credentials.
        var recorded = access with
        {
            Environment = name => name switch
            {
                "CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE" => resource.Find("compute_endpoint"),
                "CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE" => resource.Find("storage_credentials") == "no" ? null : resource.Find("storage_endpoint"),
                "STORAGE_EMULATOR_HOST" => resource.Find("storage_credentials") == "no" ? resource.Find("storage_endpoint") : null,
                _ => access.Environment(name),
            },
        };
        var connection = GoogleConnection.Resolve(new GceTarget { Project = resource.Find("project") }, recorded);
        using var api = connection.Client(recorded);
        switch (resource.Kind)
        {
            case "gcs-object":
                await DeleteObjectAsync(api, connection.Endpoints, resource["bucket"], resource["object"], cancellationToken);
                break;
            case "image":
                await DeleteImageAsync(api, connection.Endpoints, connection.Project, resource["name"], access.Timings, cancellationToken);
                break;
        }
    }

    internal static async Task DeleteObjectAsync(GoogleApi api, GoogleEndpoints endpoints, string bucket, string objectName, CancellationToken cancellationToken)
    {
        try
        {
            await api.SendAsync(HttpMethod.Delete, GceRequests.Object(endpoints, bucket, objectName), null, endpoints.StorageNeedsCredentials, cancellationToken);
        }
        catch (GoogleApiException exception) when (GoogleErrors.IsNotFound(exception))
        {
            // Gone already.
        }
    }

    /// <summary>Deletes the image of that name, if there is one, and waits until it is gone.</summary>
    internal static async Task DeleteImageAsync(GoogleApi api, GoogleEndpoints endpoints, string project, string name, CloudTimings timings, CancellationToken cancellationToken)
    {
        JObject operation;
        try
        {
            operation = await api.SendAsync(HttpMethod.Delete, GceRequests.Image(endpoints, project, name), null, authorized: true, cancellationToken);
        }
        catch (GoogleApiException exception) when (GoogleErrors.IsNotFound(exception))
        {
            return;
        }

        await WaitForOperationAsync(api, endpoints, project, operation, timings, _ => { }, (_, action, ct) => action(ct), cancellationToken);
    }

    /// <summary>Polls a global operation until it is DONE; its error, if it has one, is thrown.</summary>
    internal static async Task WaitForOperationAsync(GoogleApi api, GoogleEndpoints endpoints, string project, JObject operation, CloudTimings timings, Action<string> announce, ApiCall call, CancellationToken cancellationToken)
    {
        var name = (string?)operation["name"] ?? throw new KilnException("Compute Engine answered without an operation name");
        var deadline = DateTimeOffset.UtcNow + timings.OperationTimeout;
        var lastStatus = string.Empty;
        while (true)
        {
            var status = (string?)operation["status"] ?? string.Empty;
            if (status == "DONE")
            {
                if (operation["error"]?["errors"] is JArray { Count: > 0 } errors)
                {
                    var reasons = string.Join("; ", errors.Select(e => $"{(string?)e["message"]} ({(string?)e["code"]})"));
                    throw new KilnException($"Compute Engine operation {name} ({(string?)operation["operationType"]} {(string?)operation["targetLink"]}) failed: {reasons}");
                }

                return;
            }

            if (status != lastStatus)
            {
                announce($"operation {name}: {status} {operation["progress"]}%");
                lastStatus = status;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new KilnException($"Compute Engine's operation {name} did not finish within {timings.OperationTimeout.TotalMinutes:F0} minutes");
            }

            await Task.Delay(timings.PollInterval, cancellationToken);
            operation = await call("Compute globalOperations.get", ct => api.SendAsync(HttpMethod.Get, GceRequests.Operation(endpoints, project, name), null, authorized: true, ct), cancellationToken);
        }
    }
}
