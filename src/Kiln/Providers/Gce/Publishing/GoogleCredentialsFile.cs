using System.Security.Cryptography;
using Kiln.Publishing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Gce.Publishing;

/// <summary>
/// Application default credentials as Google's SDKs and gcloud find them: the file GOOGLE_APPLICATION_CREDENTIALS
/// names, else gcloud's <c>application_default_credentials.json</c> (in CLOUDSDK_CONFIG, or ~/.config/gcloud).
/// A service account key (<c>type: service_account</c>) or a user's refresh token (<c>authorized_user</c>).
/// </summary>
public sealed record GoogleCredentialsFile(string Path, string Type, JObject Content)
{
    public const string DefaultTokenUri = "https://oauth2.googleapis.com/token";

    public string? ProjectId => (string?)Content["project_id"] ?? (string?)Content["quota_project_id"];

    public string TokenUri => (string?)Content["token_uri"] ?? DefaultTokenUri;

    public static GoogleCredentialsFile Find(CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (access.FirstVariable("GOOGLE_APPLICATION_CREDENTIALS") is { } named)
        {
            return File.Exists(named)
                ? Read(named, access)
                : throw new UserInputException($"GOOGLE_APPLICATION_CREDENTIALS names {named}, which does not exist; point it at a service account key file (JSON) or unset it");
        }

        var directory = access.FirstVariable("CLOUDSDK_CONFIG")
            ?? System.IO.Path.Combine(access.FirstVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "gcloud");
        var adc = System.IO.Path.Combine(directory, "application_default_credentials.json");
        return File.Exists(adc)
            ? Read(adc, access)
            : throw new UserInputException("no Google credentials: set GOOGLE_APPLICATION_CREDENTIALS to a service account key file (JSON), or run gcloud auth application-default login, or build with --no-publish");
    }

    public static GoogleCredentialsFile Read(string path, CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        JObject content;
        try
        {
            content = JObject.Parse(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw new UserInputException($"{path} is not a Google credentials file (JSON): {exception.Message}", exception);
        }

        var type = (string?)content["type"] ?? string.Empty;
        switch (type)
        {
            case "service_account":
                Require(path, content, "client_email", "private_key");
                access.Secrets.Add((string)content["private_key"]!);
                break;
            case "authorized_user":
                Require(path, content, "client_id", "client_secret", "refresh_token");
                access.Secrets.Add((string)content["client_secret"]!);
                access.Secrets.Add((string)content["refresh_token"]!);
                break;
            default:
                throw new UserInputException($"{path} holds credentials of type `{type}`; Kiln publishes with a service account key (service_account) or gcloud's application default login (authorized_user)");
        }

        return new GoogleCredentialsFile(path, type, content);
    }

    /// <summary>The service account's private key (PKCS#8 PEM, as Google writes it).</summary>
    public RSA PrivateKey()
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem((string)Content["private_key"]!);
            return rsa;
        }
        catch (ArgumentException exception)
        {
            rsa.Dispose();
            throw new UserInputException($"{Path}: private_key is not a PEM private key; download the service account's key again", exception);
        }
    }

    private static void Require(string path, JObject content, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (content[key]?.Type != JTokenType.String || ((string)content[key]!).Length == 0)
            {
                throw new UserInputException($"{path} has no {key}; download the credentials again");
            }
        }
    }
}
