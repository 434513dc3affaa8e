using Kiln.Publishing;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Oracle.Publishing;

/// <summary>
/// The object name and OCI's CreateImage body of a publication, built from the record alone (pure, asserted by
/// tests): an objectStorageTuple source (namespace, bucket, object) of type QCOW2 or VMDK, operating system
/// Debian and its release, launch mode PARAVIRTUALIZED, the manifest's tags as free-form tags.
/// </summary>
public static class OciRequests
{
    public const string LaunchMode = "PARAVIRTUALIZED";

    public static string ObjectName(PublicationRecord record, OracleTarget target)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(target);
        return target.KeyPrefix + record.Image;
    }

    public static string SourceImageType(PublicationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Format == "vmdk" ? "VMDK" : "QCOW2";
    }

    public static JObject CreateImage(PublicationRecord record, OracleTarget target, string compartmentId, string namespaceName, string bucket)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(target);
        var details = new JObject
        {
            ["compartmentId"] = compartmentId,
            ["displayName"] = record.Name,
            ["launchMode"] = LaunchMode,
            ["imageSourceDetails"] = new JObject
            {
                ["sourceType"] = "objectStorageTuple",
                ["namespaceName"] = namespaceName,
                ["bucketName"] = bucket,
                ["objectName"] = ObjectName(record, target),
                ["sourceImageType"] = SourceImageType(record),
                ["operatingSystem"] = "Debian",
                ["operatingSystemVersion"] = target.OperatingSystemVersion,
            },
        };
        if (record.Tags.Count > 0)
        {
            details["freeformTags"] = new JObject(record.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new JProperty(t.Key, t.Value)));
        }

        return details;
    }
}
