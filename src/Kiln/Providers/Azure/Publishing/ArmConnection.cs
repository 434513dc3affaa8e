using Kiln.Publishing;

namespace Kiln.Providers.Azure.Publishing;

/// <summary>
/// A service principal's access to Azure Resource Manager, read as Azure's SDKs read it (EnvironmentCredential):
/// <c>AZURE_TENANT_ID</c>, <c>AZURE_CLIENT_ID</c>, <c>AZURE_CLIENT_SECRET</c>, the sign-in host
/// <c>AZURE_AUTHORITY_HOST</c>; the subscription from the manifest or <c>AZURE_SUBSCRIPTION_ID</c> (as the CLI's
/// <c>--subscription</c>); and Kiln's <c>AZURE_RESOURCE_MANAGER_ENDPOINT</c> for another cloud or a local stand-in.
/// </summary>
public sealed record ArmConnection(string Tenant, string ClientId, string ClientSecret, string Subscription, Uri Authority, Uri ResourceManager)
{
    public static readonly Uri PublicAuthority = new("https://login.microsoftonline.com/");

    public static readonly Uri PublicResourceManager = new("https://management.azure.com/");

    /// <summary>The token's scope: the Resource Manager it is for.</summary>
    public string Scope => ResourceManager.GetLeftPart(UriPartial.Authority) + "/.default";

    public static ArmConnection Resolve(AzureTarget target, CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(access);
        var tenant = access.FirstVariable("AZURE_TENANT_ID");
        var client = access.FirstVariable("AZURE_CLIENT_ID");
        var secret = access.FirstVariable("AZURE_CLIENT_SECRET");
        if (tenant is null || client is null || secret is null)
        {
            throw new UserInputException("creating the Azure image (provider.resource_group) needs a service principal: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (az ad sp create-for-rbac), or remove resource_group to upload the VHD only, or build with --no-publish");
        }

        access.Secrets.Add(secret);
        var subscription = target.Subscription ?? access.FirstVariable("AZURE_SUBSCRIPTION_ID")
            ?? throw new UserInputException("no Azure subscription: set provider.subscription in the manifest or AZURE_SUBSCRIPTION_ID");
        return new ArmConnection(tenant, client, secret, subscription, Endpoint(access, "AZURE_AUTHORITY_HOST") ?? PublicAuthority, Endpoint(access, "AZURE_RESOURCE_MANAGER_ENDPOINT") ?? PublicResourceManager);
    }

    private static Uri? Endpoint(CloudAccess access, string variable)
    {
        var text = access.FirstVariable(variable);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UserInputException($"{variable} is `{text}`, which is no http or https URL; set it to the endpoint's URL or unset it");
    }
}
