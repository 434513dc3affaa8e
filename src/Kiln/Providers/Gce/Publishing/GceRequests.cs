using Kiln.Publishing;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Gce.Publishing;

/// <summary>
/// The URLs and bodies of a gce publication, built from the record alone (pure, asserted by tests): the Cloud
/// Storage object and its upload, then the compute v1 images.insert of the uploaded archive with the guest OS
/// features, family, description and labels, and the calls that find, wait for and delete what was made.
/// </summary>
public static class GceRequests
{
    public static string ObjectName(PublicationRecord record, GceTarget target)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(target);
        return target.Prefix + record.Image;
    }

    /// <summary>Where images.insert reads the archive: the object's Cloud Storage URL, whatever endpoint uploaded it.</summary>
    public static string SourceUrl(string bucket, string objectName) => $"https://storage.googleapis.com/{bucket}/{objectName}";

    public static Uri Bucket(GoogleEndpoints endpoints, string bucket)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return new Uri(endpoints.Storage, $"storage/v1/b/{Uri.EscapeDataString(bucket)}");
    }

    public static Uri Object(GoogleEndpoints endpoints, string bucket, string objectName)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return new Uri(endpoints.Storage, $"storage/v1/b/{Uri.EscapeDataString(bucket)}/o/{Uri.EscapeDataString(objectName)}");
    }

    /// <summary>The start of a resumable upload (JSON API, <c>uploadType=resumable</c>).</summary>
    public static Uri StartUpload(GoogleEndpoints endpoints, string bucket, string objectName)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return new Uri(endpoints.Storage, $"upload/storage/v1/b/{Uri.EscapeDataString(bucket)}/o?uploadType=resumable&name={Uri.EscapeDataString(objectName)}");
    }

    public static Uri Images(GoogleEndpoints endpoints, string project)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return new Uri(endpoints.Compute, $"projects/{Uri.EscapeDataString(project)}/global/images");
    }

    public static Uri Image(GoogleEndpoints endpoints, string project, string name) => new(Images(endpoints, project) + "/" + Uri.EscapeDataString(name));

    public static Uri Operation(GoogleEndpoints endpoints, string project, string operation)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return new Uri(endpoints.Compute, $"projects/{Uri.EscapeDataString(project)}/global/operations/{Uri.EscapeDataString(operation)}");
    }

    /// <summary>The image resource images.insert creates from the uploaded archive.</summary>
    public static JObject InsertImage(PublicationRecord record, GceTarget target, string bucket, string objectName)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(target);
        var image = new JObject
        {
            ["name"] = record.Name,
            ["description"] = record.Description,
            ["rawDisk"] = new JObject { ["source"] = SourceUrl(bucket, objectName), ["containerType"] = "TAR" },
            ["architecture"] = record.Architecture == "arm64" ? "ARM64" : "X86_64",
            ["guestOsFeatures"] = new JArray(target.GuestOsFeatures.Select(feature => new JObject { ["type"] = feature })),
        };
        if (target.Family is { } family)
        {
            image["family"] = family;
        }

        if (record.Tags.Count > 0)
        {
            image["labels"] = new JObject(record.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new JProperty(t.Key, t.Value)));
        }

        return image;
    }
}
