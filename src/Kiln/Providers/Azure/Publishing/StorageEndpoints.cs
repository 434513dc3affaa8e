namespace Kiln.Providers.Azure.Publishing;

/// <summary>Azure Storage's public endpoints: <c>https://ACCOUNT.blob.core.windows.net</c> (another suffix for sovereign clouds).</summary>
public static class StorageEndpoints
{
    public const string DefaultSuffix = "core.windows.net";

    public static Uri ForAccount(string account, string protocol = "https", string? suffix = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new Uri($"{protocol}://{account}.blob.{suffix ?? DefaultSuffix}");
    }
}
