using Kiln.Publishing;

namespace Kiln.Providers.Gce.Publishing;

/// <summary>
/// The base URLs of the Compute Engine v1 and Cloud Storage JSON APIs, read as gcloud and Google's SDKs read them:
/// CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE (gcloud's, e.g. <c>http://127.0.0.1:8080/compute/v1/</c>), and for
/// storage CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE (<c>.../storage/v1/</c>) or STORAGE_EMULATOR_HOST (the storage
/// SDKs': a host and port, or a URL, of an emulator that takes no credentials).
/// </summary>
public sealed record GoogleEndpoints(Uri Compute, Uri Storage, bool StorageNeedsCredentials)
{
    public static readonly Uri DefaultCompute = new("https://compute.googleapis.com/compute/v1/");

    /// <summary>The storage root; the JSON API is below <c>storage/v1/</c>, uploads below <c>upload/storage/v1/</c>.</summary>
    public static readonly Uri DefaultStorage = new("https://storage.googleapis.com/");

    public bool IsDefault => Compute == DefaultCompute && Storage == DefaultStorage;

    public static GoogleEndpoints Resolve(CloudAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var compute = access.FirstVariable("CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE") is { } computeText
            ? WithSlash(Parse("CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE", computeText))
            : DefaultCompute;
        if (access.FirstVariable("CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE") is { } storageText)
        {
            // gcloud's override names the JSON API (…/storage/v1/); uploads go to the same host's upload/ path.
            var api = WithSlash(Parse("CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE", storageText));
            var root = api.AbsolutePath.EndsWith("/storage/v1/", StringComparison.Ordinal)
                ? new Uri(api, api.AbsolutePath[..^"storage/v1/".Length])
                : api;
            return new GoogleEndpoints(compute, root, StorageNeedsCredentials: true);
        }

        if (access.FirstVariable("STORAGE_EMULATOR_HOST") is { } emulator)
        {
            var text = emulator.Contains("://", StringComparison.Ordinal) ? emulator : "http://" + emulator;
            return new GoogleEndpoints(compute, WithSlash(Parse("STORAGE_EMULATOR_HOST", text)), StorageNeedsCredentials: false);
        }

        return new GoogleEndpoints(compute, DefaultStorage, StorageNeedsCredentials: true);
    }

    private static Uri Parse(string variable, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UserInputException($"{variable} is `{text}`, which is no http or https URL; set it to the endpoint's URL or unset it");

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
