using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Azure.Publishing;

/// <summary>Where and how an azure image is published: the publication record's <c>target</c>.</summary>
public sealed record AzureTarget
{
    public string? StorageAccount { get; init; }

    public string Container { get; init; } = AzureSettings.DefaultContainer;

    public string BlobPrefix { get; init; } = string.Empty;

    public string? Subscription { get; init; }

    /// <summary>With a resource group, a Microsoft.Compute image is created from the blob; without, the blob is the publication.</summary>
    public string? ResourceGroup { get; init; }

    public string? Location { get; init; }

    public int Generation { get; init; } = 2;

    public bool CreatesImage => ResourceGroup is not null;

    public JObject ToJson() => new()
    {
        ["storage_account"] = StorageAccount,
        ["container"] = Container,
        ["blob_prefix"] = BlobPrefix,
        ["subscription"] = Subscription,
        ["resource_group"] = ResourceGroup,
        ["location"] = Location,
        ["generation"] = Generation,
    };

    public static AzureTarget From(JObject target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new AzureTarget
        {
            StorageAccount = (string?)target["storage_account"],
            Container = (string?)target["container"] ?? AzureSettings.DefaultContainer,
            BlobPrefix = (string?)target["blob_prefix"] ?? string.Empty,
            Subscription = (string?)target["subscription"],
            ResourceGroup = (string?)target["resource_group"],
            Location = (string?)target["location"],
            Generation = target["generation"]?.Value<int>() ?? 2,
        };
    }
}
