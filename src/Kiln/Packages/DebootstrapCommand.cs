using Kiln.Host;

namespace Kiln.Packages;

/// <summary>
/// The debootstrap command line for a request. debootstrap only understands plain package names from the
/// release's own archive, so everything else is installed with apt once the base system exists.
/// </summary>
public static class DebootstrapCommand
{
    public static CommandLine Build(BootstrapRequest request, IReadOnlyList<string> includeNames)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(includeNames);
        var arguments = new List<string>();
        if (request.Variant is not null)
        {
            arguments.Add($"--variant={request.Variant}");
        }

        arguments.Add($"--arch={request.Architecture}");
        arguments.Add($"--components={string.Join(',', request.Components)}");
        if (includeNames.Count > 0)
        {
            arguments.Add($"--include={string.Join(',', includeNames)}");
        }

        if (request.Exclude.Count > 0)
        {
            arguments.Add($"--exclude={string.Join(',', request.Exclude)}");
        }

        if (request.Keyring is not null)
        {
            arguments.Add($"--keyring={request.Keyring}");
        }

        if (request.NoCheckGpg)
        {
            arguments.Add("--no-check-gpg");
        }
        else if (request.ForceCheckGpg)
        {
            arguments.Add("--force-check-gpg");
        }

        if (request.PackageCache is not null)
        {
            arguments.Add($"--cache-dir={request.PackageCache}");
        }

        arguments.Add(request.Suite);
        arguments.Add(request.Target);
        arguments.Add(request.Sources[0].Uri);
        return new CommandLine("debootstrap", arguments);
    }

    /// <summary>The requests debootstrap can take with --include: plain names without a release or local path.</summary>
    public static bool CanInclude(Manifests.PackageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return !request.IsLocal && request.TargetRelease is null && !request.Name.StartsWith('?');
    }
}
