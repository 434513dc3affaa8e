using Kiln.Publishing;

namespace Kiln.Providers.Gce.Publishing;

/// <summary>
/// The project, endpoints and credentials of a gce publication, read as gcloud reads them: the project from the
/// manifest's gce_project, else CLOUDSDK_CORE_PROJECT, GOOGLE_CLOUD_PROJECT, or the credentials' project; the
/// credentials from GOOGLE_APPLICATION_CREDENTIALS or gcloud's application default login.
/// </summary>
public sealed record GoogleConnection(string Project, GoogleEndpoints Endpoints, GoogleCredentialsFile Credentials)
{
    public string CredentialSource => $"{Credentials.Path} ({Credentials.Type}{(Credentials.Content["client_email"] is { } email ? " " + email : string.Empty)})";

    public static GoogleConnection Resolve(GceTarget target, CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(access);
        var endpoints = GoogleEndpoints.Resolve(access);
        var credentials = GoogleCredentialsFile.Find(access);
        var project = target.Project ?? access.FirstVariable("CLOUDSDK_CORE_PROJECT", "GOOGLE_CLOUD_PROJECT") ?? credentials.ProjectId
            ?? throw new UserInputException("no Google Cloud project: set provider.gce_project in the manifest, or CLOUDSDK_CORE_PROJECT or GOOGLE_CLOUD_PROJECT");
        return new GoogleConnection(project, endpoints, credentials);
    }

    /// <summary>The API client: one HttpClient, tokens from the credentials' token URI.</summary>
    public GoogleApi Client(CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        return new GoogleApi(http, new GoogleAccessTokens(Credentials, http, access.Secrets, TimeProvider.System));
    }
}
