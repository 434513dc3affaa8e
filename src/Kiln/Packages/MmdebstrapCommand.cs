using Kiln.Host;

namespace Kiln.Packages;

/// <summary>
/// The mmdebstrap command line for a request. mmdebstrap installs every package in one apt run, so the
/// manifest's and plugins' packages, apt configuration and debconf answers all go into this one call.
/// </summary>
public static class MmdebstrapCommand
{
    public static CommandLine Build(BootstrapRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var arguments = new List<string> { "--verbose" };
        if (request.Variant is not null)
        {
            arguments.Add($"--variant={request.Variant}");
        }

        arguments.Add($"--architectures={request.Architecture}");
        arguments.Add($"--components={string.Join(',', request.Components)}");
        var names = request.Include.Where(p => !p.IsLocal && !IsPattern(p)).Select(p => p.AptArgument).ToList();
        if (names.Count > 0)
        {
            arguments.Add($"--include={string.Join(',', names)}");
        }

        // A .deb path or an apt pattern must be an --include of its own, or mmdebstrap splits it.
        arguments.AddRange(request.Include.Where(p => p.IsLocal).Select(p => $"--include={p.LocalPath}"));
        arguments.AddRange(request.Include.Where(IsPattern).Select(p => $"--include={p.Name}"));
        if (request.Exclude.Count > 0)
        {
            // mmdebstrap removes packages from its selection with apt's trailing-minus syntax.
            arguments.Add($"--include={string.Join(',', request.Exclude.Select(name => name + "-"))}");
        }

        if (request.Keyring is not null)
        {
            arguments.Add($"--keyring={request.Keyring}");
        }

        if (request.NoCheckGpg)
        {
            arguments.Add("--aptopt=Acquire::AllowInsecureRepositories \"true\"");
            arguments.Add("--aptopt=APT::Get::AllowUnauthenticated \"true\"");
        }

        // fsync after every file makes dpkg slow and buys nothing: the image is written out once at the end.
        arguments.Add("--dpkgopt=force-unsafe-io");
        if (request.EarlyFilesDirectory is not null)
        {
            arguments.Add($"--setup-hook=cp -a {ShellQuoting.Quote(request.EarlyFilesDirectory)}/. \"$1\"/");
        }

        if (request.PackageCache is not null)
        {
            // apt uses a file in archives/ whose size matches the index without reading it again; the cache only
            // ever holds whole files (they are renamed into place) of one set of sources. mmdebstrap removes the
            // essential packages' files after installing them unless told not to.
            arguments.Add($"--setup-hook=mkdir -p \"$1\"/var/cache/apt/archives && {LinkOrCopy(ShellQuoting.Quote(request.PackageCache), "\"$1\"/var/cache/apt/archives/")}");
            arguments.Add("--skip=download/empty");
            arguments.Add("--skip=essential/unlink");
            if (request.DownloadedPackages is not null)
            {
                var downloaded = ShellQuoting.Quote(request.DownloadedPackages);
                arguments.Add($"--customize-hook=mkdir -p {downloaded} && {LinkOrCopy("\"$1\"/var/cache/apt/archives", downloaded)}");
            }
        }

        if (request.DebconfSelectionsFile is not null)
        {
            arguments.Add($"--essential-hook=chroot \"$1\" debconf-set-selections < {ShellQuoting.Quote(request.DebconfSelectionsFile)}");
        }

        arguments.Add($"--essential-hook={DeferredInitramfs.EssentialHook}");
        arguments.Add($"--customize-hook={DeferredInitramfs.CustomizeHook}");

        // Later tasks may install more packages; the lists are removed by the cleaning phase instead.
        arguments.Add("--skip=cleanup/apt/lists");
        arguments.Add(request.Suite);
        arguments.Add(request.Target);
        arguments.Add(AptSources.Render(request.Sources).TrimEnd('\n'));
        return new CommandLine("mmdebstrap", arguments);
    }

    /// <summary>
    /// A shell command that hard-links every .deb in <paramref name="from"/> into <paramref name="to"/>, or copies
    /// them where the two are on different file systems.
    /// </summary>
    private static string LinkOrCopy(string from, string to) =>
        $"{{ find {from} -maxdepth 1 -name '*.deb' -exec cp -l -t {to} {{}} + 2>/dev/null || find {from} -maxdepth 1 -name '*.deb' -exec cp -n -t {to} {{}} +; }}";

    /// <summary>An apt search pattern such as <c>?priority(standard)</c> rather than a package name.</summary>
    private static bool IsPattern(Manifests.PackageRequest request) => request.Name.StartsWith('?');
}
