using Kiln.Manifests;

namespace Kiln.Packages;

/// <summary>
/// The packages the image gets, gathered from the manifest, the provider and plugins before the
/// bootstrap: mmdebstrap installs them all in one apt run; with debootstrap they are installed afterwards.
/// </summary>
public sealed class PackageSet
{
    private readonly List<PackageRequest> _requests = [];
    private readonly HashSet<string> _installed = new(StringComparer.Ordinal);

    public IReadOnlyList<PackageRequest> Requests => _requests;

    /// <summary>The requests not yet installed into the root.</summary>
    public IReadOnlyList<PackageRequest> Pending => [.. _requests.Where(r => !_installed.Contains(Key(r)))];

    public bool Contains(string name) => _requests.Exists(r => r.Name == name);

    /// <summary>Adds a package by name; a second request for the same name is ignored unless it names a release.</summary>
    public PackageSet Add(string name, string? targetRelease = null) => Add(new PackageRequest(name, targetRelease));

    public PackageSet Add(PackageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var existing = _requests.FindIndex(r => r.Name == request.Name);
        if (existing < 0)
        {
            _requests.Add(request);
        }
        else if (request.TargetRelease is not null || request.IsLocal)
        {
            _requests[existing] = request;
        }

        return this;
    }

    public PackageSet AddRange(IEnumerable<PackageRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        foreach (var request in requests)
        {
            Add(request);
        }

        return this;
    }

    public bool Remove(string name) => _requests.RemoveAll(r => r.Name == name) > 0;

    public void MarkInstalled(IEnumerable<PackageRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        foreach (var request in requests)
        {
            _installed.Add(Key(request));
        }
    }

    private static string Key(PackageRequest request) => request.LocalPath ?? request.AptArgument;
}
