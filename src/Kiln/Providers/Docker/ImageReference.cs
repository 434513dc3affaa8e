using System.Text.RegularExpressions;

namespace Kiln.Providers.Docker;

/// <summary>
/// The image's name as bootstrap-vz's docker provider used it, <c>repository[:tag]</c> (the tag is <c>latest</c>
/// when none is given), checked against Docker's reference grammar, and the file names of its archives.
/// </summary>
public sealed partial record ImageReference(string Repository, string Tag)
{
    public static (ImageReference? Reference, string? Problem) Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var colon = name.LastIndexOf(':');
        var (repository, tag) = colon > name.LastIndexOf('/') ? (name[..colon], name[(colon + 1)..]) : (name, "latest");
        if (!RepositoryPattern().IsMatch(repository))
        {
            return (null, $"`{repository}` is not a container repository name: lower-case letters, digits and separators (. _ __ -), path parts joined by /");
        }

        if (!TagPattern().IsMatch(tag))
        {
            return (null, $"`{tag}` is not a container image tag: up to 128 letters, digits, _ . and -, not starting with . or -");
        }

        return (new ImageReference(repository, tag), null);
    }

    /// <summary>The archives' file name without extension: the reference with / and : made _.</summary>
    public string FileBase => $"{Repository.Replace('/', '_')}_{Tag}";

    public override string ToString() => $"{Repository}:{Tag}";

    [GeneratedRegex(@"^(?:[a-zA-Z0-9][a-zA-Z0-9.-]*(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(@"^[\w][\w.-]{0,127}$")]
    private static partial Regex TagPattern();
}
