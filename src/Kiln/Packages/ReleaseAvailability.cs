using System.Net;
using Kiln.Manifests;

namespace Kiln.Packages;

/// <summary>
/// Asks the mirror a manifest builds from whether it carries the manifest's release (its <c>dists/RELEASE/Release</c>
/// file), once and briefly: <c>kiln validate</c> finds a release the mirror dropped before a build would. An
/// unreachable mirror is a warning, never a failed validation.
/// </summary>
public static class ReleaseAvailability
{
    /// <summary>How long the mirror may take to answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);

    /// <summary>An error when the mirror has no such release, a warning when it cannot be asked, null when it has it (or there is no mirror).</summary>
    public static async Task<ManifestError?> CheckAsync(Manifest manifest, SourceLocation releaseLocation, string? hostMirror, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var mirror = (manifest.Bootstrapper.Mirror ?? manifest.Packages.Mirror ?? hostMirror)?.TrimEnd('/');
        if (mirror is null)
        {
            return null;
        }

        var release = manifest.System.Release;
        var relative = $"dists/{release}/Release";
        bool? found;
        string? problem = null;
        try
        {
            found = await ExistsAsync(new Uri($"{mirror}/{relative}"), cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException or UriFormatException)
        {
            found = null;
            problem = exception is TaskCanceledException && !cancellationToken.IsCancellationRequested ? $"no answer within {Timeout.TotalSeconds:F0} s" : exception.Message;
        }

        return found switch
        {
            true => null,
            false => new ManifestError(releaseLocation, $"the mirror {mirror} does not carry `{release}` (it has no {relative})")
            {
                Path = "system.release",
                Hint = "releases Debian no longer carries on its mirrors live on in Debian's archive of old releases: set bootstrapper.mirror to a mirror of that archive, or choose a current release",
            },
            _ => new ManifestError(releaseLocation, $"could not ask the mirror {mirror} whether it carries `{release}` ({problem}); not checked")
            {
                Path = "system.release",
                Hint = "`kiln validate --offline` skips this check",
                IsWarning = true,
            },
        };
    }

    private static async Task<bool> ExistsAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (uri.IsFile)
        {
            return File.Exists(uri.LocalPath);
        }

        using var http = new HttpClient { Timeout = Timeout };
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.Gone => false,
            _ when response.IsSuccessStatusCode => true,
            _ => throw new HttpRequestException($"the mirror answered {(int)response.StatusCode} {response.ReasonPhrase}"),
        };
    }
}
