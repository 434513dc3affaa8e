using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Apt;

/// <summary>
/// Picks the Debian mirror: the manifest's, else the one this host's apt uses. The security archive is the
/// manifest's, else the host's, else the mirror's sibling <c>debian-security</c>.
/// </summary>
public sealed class ChooseMirror : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Choosing the Debian mirror";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var manifest = context.Manifest;
        var host = HostAptConfiguration.ReadMirrors();
        var mirror = manifest.Bootstrapper.Mirror ?? manifest.Packages.Mirror ?? host.Archive
            ?? throw new UserInputException("no Debian mirror: this host's apt sources name none; set bootstrapper.mirror in the manifest");
        context.Mirror = mirror.TrimEnd('/');
        context.SecurityMirror = (manifest.Packages.Security ?? host.Security ?? SiblingSecurityArchive(context.Mirror)).TrimEnd('/');
        return Task.CompletedTask;
    }

    /// <summary><c>http://host/debian</c> becomes <c>http://host/debian-security</c>, the archive's usual layout.</summary>
    public static string SiblingSecurityArchive(string mirror)
    {
        ArgumentNullException.ThrowIfNull(mirror);
        var trimmed = mirror.TrimEnd('/');
        if (trimmed.EndsWith("/debian", StringComparison.Ordinal))
        {
            return trimmed + "-security";
        }

        // A mirror without a path of its own (http://host/) gets the security archive below it.
        var uri = new Uri(trimmed + "/");
        return uri.AbsolutePath == "/" ? trimmed + "/debian-security" : trimmed[..(trimmed.LastIndexOf('/') + 1)] + "debian-security";
    }
}
