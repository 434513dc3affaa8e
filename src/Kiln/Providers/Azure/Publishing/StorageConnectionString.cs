namespace Kiln.Providers.Azure.Publishing;

/// <summary>
/// An Azure Storage connection string as Azure's CLI and SDKs read it (<c>AZURE_STORAGE_CONNECTION_STRING</c>):
/// <c>key=value</c> pairs separated by <c>;</c>, keys case-insensitive, values taken as written (a base64 key keeps
/// its trailing <c>=</c>). <c>UseDevelopmentStorage=true</c> means the emulator's well-known account on 127.0.0.1:10000.
/// </summary>
public sealed record StorageConnectionString(IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The storage emulator's (azurite's) documented account and key.</summary>
    public const string DevelopmentAccount = "devstoreaccount1";

    public const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public string? this[string key] => Values.GetValueOrDefault(key);

    public static StorageConnectionString Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UserInputException($"AZURE_STORAGE_CONNECTION_STRING has `{Mask(part)}`, which is no key=value pair; copy the connection string from the storage account's access keys");
            }

            values[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (string.Equals(values.GetValueOrDefault("UseDevelopmentStorage"), "true", StringComparison.OrdinalIgnoreCase))
        {
            values.TryAdd("AccountName", DevelopmentAccount);
            values.TryAdd("AccountKey", DevelopmentKey);
            values.TryAdd("BlobEndpoint", $"http://127.0.0.1:10000/{DevelopmentAccount}");
        }

        return new StorageConnectionString(values);
    }

    /// <summary>The blob service's endpoint: <c>BlobEndpoint</c>, else the account's host under <c>EndpointSuffix</c>.</summary>
    public Uri? BlobEndpoint(string? account)
    {
        if (this["BlobEndpoint"] is { } endpoint)
        {
            return Uri.TryCreate(endpoint.TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new UserInputException($"the connection string's BlobEndpoint `{endpoint}` is no http or https URL; correct AZURE_STORAGE_CONNECTION_STRING");
        }

        return account is null ? null : StorageEndpoints.ForAccount(account, this["DefaultEndpointsProtocol"] ?? "https", this["EndpointSuffix"]);
    }

    private static string Mask(string part) => part.Length <= 12 ? part : part[..12] + "...";
}
