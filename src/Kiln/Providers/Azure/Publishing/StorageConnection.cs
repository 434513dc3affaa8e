using Kiln.Publishing;

namespace Kiln.Providers.Azure.Publishing;

/// <summary>
/// The storage account, its blob endpoint and its credentials, read as Azure's CLI reads them:
/// <c>AZURE_STORAGE_CONNECTION_STRING</c> (with <c>BlobEndpoint=</c> for an emulator such as azurite), else
/// <c>AZURE_STORAGE_ACCOUNT</c> with <c>AZURE_STORAGE_KEY</c> or <c>AZURE_STORAGE_SAS_TOKEN</c>. The manifest's
/// <c>storage_account</c> names the account; it must match the connection string's.
/// </summary>
public sealed record StorageConnection(string Account, Uri BlobEndpoint, byte[]? AccountKey, string? SasToken, string CredentialSource)
{
    public static StorageConnection Resolve(AzureTarget target, CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(access);
        if (access.FirstVariable("AZURE_STORAGE_CONNECTION_STRING") is { } text)
        {
            access.Secrets.Add(text);
            var connection = StorageConnectionString.Parse(text);
            var account = connection["AccountName"] ?? target.StorageAccount
                ?? throw new UserInputException("AZURE_STORAGE_CONNECTION_STRING names no AccountName; copy the whole connection string of the storage account");
            if (target.StorageAccount is { } named && named != account)
            {
                throw new UserInputException($"the manifest's provider.storage_account is {named}, but AZURE_STORAGE_CONNECTION_STRING is for {account}; use that account's connection string or change storage_account");
            }

            var sas = connection["SharedAccessSignature"];
            return new StorageConnection(account, connection.BlobEndpoint(account)!, Key(access, connection["AccountKey"], "the connection string's AccountKey"), Sas(access, sas), "AZURE_STORAGE_CONNECTION_STRING")
                .RequireCredentials();
        }

        var name = target.StorageAccount ?? access.FirstVariable("AZURE_STORAGE_ACCOUNT")
            ?? throw new UserInputException("no Azure storage account: set provider.storage_account in the manifest or AZURE_STORAGE_ACCOUNT (with AZURE_STORAGE_KEY), or AZURE_STORAGE_CONNECTION_STRING, or build with --no-publish");
        var key = access.FirstVariable("AZURE_STORAGE_KEY");
        var token = access.FirstVariable("AZURE_STORAGE_SAS_TOKEN");
        var source = key is not null ? "AZURE_STORAGE_KEY" : "AZURE_STORAGE_SAS_TOKEN";
        return new StorageConnection(name, StorageEndpoints.ForAccount(name), Key(access, key, "AZURE_STORAGE_KEY"), Sas(access, token), source).RequireCredentials();
    }

    private StorageConnection RequireCredentials() => AccountKey is not null || SasToken is not null
        ? this
        : throw new UserInputException($"no credentials for the storage account {Account}: set AZURE_STORAGE_KEY (or AZURE_STORAGE_SAS_TOKEN), or AZURE_STORAGE_CONNECTION_STRING with AccountKey, or build with --no-publish");

    private static byte[]? Key(CloudAccess access, string? key, string origin)
    {
        if (key is null)
        {
            return null;
        }

        access.Secrets.Add(key);
        try
        {
            return Convert.FromBase64String(key);
        }
        catch (FormatException exception)
        {
            throw new UserInputException($"{origin} is no base64 account key; copy key1 or key2 from the storage account's access keys", exception);
        }
    }

    private static string? Sas(CloudAccess access, string? token)
    {
        if (token is null)
        {
            return null;
        }

        var sas = token.TrimStart('?');
        access.Secrets.Add(sas);
        return sas;
    }
}
