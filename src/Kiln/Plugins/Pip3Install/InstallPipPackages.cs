using Kiln.Host;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.Pip3Install;

/// <summary>
/// Runs pip in the image. Debian marks its Python as externally managed (PEP 668) from bookworm on; pip installs
/// into /usr/local (Debian's place for software it does not manage) with --break-system-packages, so that the
/// packages' commands are on PATH and the system's python3 imports them. A wheel directory is copied into the
/// image for the install and removed afterwards; pip keeps no cache in the image.
/// </summary>
public sealed class InstallPipPackages(string pluginName) : BuildTask
{
    public InstallPipPackages()
        : this(Pip3InstallPlugin.PluginName)
    {
    }

    public override string Name => $"InstallPipPackages.{pluginName}";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => $"Installing Python packages with pip ({pluginName})";

    /// <summary>Where a wheel directory is copied inside the image for the install.</summary>
    public string WheelsInImage => $"/var/tmp/kiln-wheels-{pluginName}";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Spec.SettingsOf<PipSettings>(pluginName);
        if (settings.IndexUrl is { } index && new Uri(index).UserInfo is { Length: > 0 } userInfo && userInfo.Split(':', 2) is [_, var password])
        {
            context.Secrets.Add(password);
        }

        var copies = context.Paths.InRoot(WheelsInImage);
        var wheels = new List<string>();
        if (settings.WheelDirectory is { } directory)
        {
            Directory.CreateDirectory(copies);
            foreach (var file in Directory.GetFiles(directory))
            {
                File.Copy(file, Path.Combine(copies, Path.GetFileName(file)), overwrite: true);
            }

            wheels.AddRange(PipSettings.Wheels(directory).Select(wheel => $"{WheelsInImage}/{Path.GetFileName(wheel)}"));
        }

        await context.Chroot.RunAsync(Command(settings, context.Release, WheelsInImage, wheels), cancellationToken);
        if (Directory.Exists(copies))
        {
            Directory.Delete(copies, recursive: true);
        }
    }

    /// <summary>The pip call: the requirements, or every wheel of the wheel directory when the manifest names none.</summary>
    public static CommandLine Command(PipSettings settings, DebianRelease release, string wheelsInImage, IReadOnlyList<string> wheels)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(wheels);
        // --isolated: the host's PIP_* variables (an index, find-links) must not reach into the image's pip.
        var arguments = new List<string> { "-m", "pip", "install", "--isolated", "--no-cache-dir", "--disable-pip-version-check" };
        if (release >= ReleaseCatalog.Bookworm)
        {
            // Older pips know neither option (and bullseye's Python is not externally managed).
            arguments.AddRange(["--break-system-packages", "--root-user-action=ignore"]);
        }

        if (settings.IndexUrl is { } index)
        {
            arguments.AddRange(["--index-url", index]);
        }

        if (settings.WheelDirectory is not null)
        {
            arguments.AddRange(["--no-index", "--find-links", wheelsInImage]);
        }

        arguments.AddRange(settings.Packages.Count > 0 ? settings.Packages : wheels);
        return new CommandLine("python3", arguments);
    }
}
