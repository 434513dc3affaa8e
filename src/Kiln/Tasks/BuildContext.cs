using Kiln.Common;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Packages;
using Microsoft.Extensions.Logging;

namespace Kiln.Tasks;

/// <summary>
/// Everything tasks share during one build (bootstrap-vz's "bootstrap info"): the manifest, the paths,
/// the runner, the undo stack, and the typed state tasks hand to each other.
/// </summary>
public sealed class BuildContext
{
    public BuildContext(Manifest manifest, BuildPaths paths, ICommandRunner runner, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Manifest = manifest;
        Paths = paths;
        Runner = runner;
        LoggerFactory = loggerFactory;
        Logger = loggerFactory.CreateLogger("Kiln.Build");
        Undo = new UndoStack(loggerFactory.CreateLogger("Kiln.Undo"));
        Chroot = new Chroot(runner, paths.Root);
        Release = ReleaseCatalog.Find(manifest.System.Release) ?? ReleaseCatalog.Sid;
    }

    private readonly Dictionary<Type, object> _states = [];

    public Manifest Manifest { get; }

    public BuildPaths Paths { get; }

    public ICommandRunner Runner { get; }

    public ILoggerFactory LoggerFactory { get; }

    public ILogger Logger { get; }

    public UndoStack Undo { get; }

    /// <summary>Runs commands inside the image's root tree.</summary>
    public Chroot Chroot { get; }

    /// <summary>The plan this build runs (script hooks and the host tool check read it).</summary>
    public Plan? Plan { get; set; }

    /// <summary>The release being built; a suite name in the manifest is replaced by its codename once resolved.</summary>
    public DebianRelease Release { get; set; }

    /// <summary>The Debian mirror the image is built from and points to.</summary>
    public string Mirror { get; set; } = string.Empty;

    /// <summary>The security archive, for releases that have one.</summary>
    public string SecurityMirror { get; set; } = string.Empty;

    public PackageSet Packages { get; } = new();

    public AptSources Sources { get; } = new();

    /// <summary>debconf answers set before packages are installed (<c>package question type value</c>).</summary>
    public List<string> DebconfSelections { get; } = [];

    /// <summary>Files (path in the image to content) placed in the root before packages are installed, so that package scripts see them.</summary>
    public Dictionary<string, EarlyFile> EarlyFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Environment variables the bootstrapper runs with (apt_proxy's <c>http_proxy</c>: debootstrap downloads with wget, not apt).</summary>
    public Dictionary<string, string> BootstrapEnvironment { get; } = new(StringComparer.Ordinal);

    /// <summary>Kernel command line parameters the bootloader passes (console, root and the like).</summary>
    public List<string> KernelParameters { get; } = [];

    /// <summary>systemd units enabled in the image once packages are installed.</summary>
    public List<string> EnabledUnits { get; } = [];

    /// <summary>The partition layout, computed before the disk is created.</summary>
    public DiskLayout? Layout { get; set; }

    /// <summary>Files the build leaves behind for the user (the image, a tarball ...).</summary>
    public List<string> Artifacts { get; } = [];

    /// <summary>Lines shown to the user once the build has finished (e.g. a generated password).</summary>
    public List<string> Notices { get; } = [];

    /// <summary>Shows a message to the user right away (progress output), besides the log.</summary>
    public Action<string> Announce { get; set; } = _ => { };

    /// <summary>Values masked in every log line (passwords and keys).</summary>
    public SecretStore Secrets { get; init; } = new();

    /// <summary>The undo entry that removes the build directory; the cleaning phase releases it.</summary>
    public UndoEntry? BuildDirectoryRemoval { get; set; }

    /// <summary>Mounts of /proc, /sys and /dev inside the root while commands run there, innermost last.</summary>
    public List<UndoEntry> ChrootMounts { get; } = [];

    /// <summary>Changes to the root that only the build needs (policy-rc.d, the host's resolv.conf), undone before the image is written.</summary>
    public List<UndoEntry> BuildOnlyChanges { get; } = [];

    /// <summary>
    /// The state one extension keeps during a build (hooks' pending calls, a plugin's mount): one instance
    /// per type, created on first use.
    /// </summary>
    public T StateOf<T>()
        where T : class, new()
    {
        if (!_states.TryGetValue(typeof(T), out var state))
        {
            state = new T();
            _states[typeof(T)] = state;
        }

        return (T)state;
    }

    public DiskLayout RequireLayout() => Layout ?? throw new InvalidOperationException("the disk layout is not computed yet");
}
