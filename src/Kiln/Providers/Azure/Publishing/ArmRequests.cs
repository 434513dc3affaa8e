using Kiln.Publishing;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Azure.Publishing;

/// <summary>The Resource Manager requests of a publication (pure): the image's resource id and the body that creates it from the page blob.</summary>
public static class ArmRequests
{
    /// <summary>The Microsoft.Compute API version Kiln speaks for images.</summary>
    public const string ComputeVersion = "2024-03-01";

    public static string ImageId(string subscription, string resourceGroup, string name) =>
        $"/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers/Microsoft.Compute/images/{name}";

    public static Uri ImageUri(ArmConnection connection, string resourceGroup, string name)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new Uri(connection.ResourceManager, ImageId(connection.Subscription, resourceGroup, name).TrimStart('/') + "?api-version=" + ComputeVersion);
    }

    /// <summary>
    /// A generalized Linux image from the VHD blob (<c>osDisk.blobUri</c>), of the record's Hyper-V generation, in the
    /// target's location, with the manifest's tags.
    /// </summary>
    public static JObject CreateImage(PublicationRecord record, AzureTarget target, Uri blob)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(blob);
        return new JObject
        {
            ["location"] = target.Location,
            ["tags"] = new JObject(record.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new JProperty(t.Key, t.Value))),
            ["properties"] = new JObject
            {
                ["hyperVGeneration"] = AzureGeneration.HyperVName(target.Generation),
                ["storageProfile"] = new JObject
                {
                    ["osDisk"] = new JObject
                    {
                        ["osType"] = "Linux",
                        ["osState"] = "Generalized",
                        ["blobUri"] = blob.AbsoluteUri,
                        ["caching"] = "ReadWrite",
                        ["storageAccountType"] = "Standard_LRS",
                    },
                },
            },
        };
    }
}
