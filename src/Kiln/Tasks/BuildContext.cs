using Kiln.Common;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Packages;
using Kiln.Specs;
using Microsoft.Extensions.Logging;

namespace Kiln.Tasks;

/// <summary>
/// Everything tasks share during one build (bootstrap-vz's "bootstrap info"): the resolved spec, the paths,
/// the runner, the undo stack, and the typed state tasks hand to each other.
/// </summary>
public sealed class BuildContext
{
    public BuildContext(BuildSpec spec, BuildPaths paths, ICommandRunner runner, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Spec = spec;
        Paths = paths;
        Runner = runner;
        LoggerFactory = loggerFactory;
        Logger = loggerFactory.CreateLogger("Kiln.Build");
        Undo = new UndoStack(loggerFactory.CreateLogger("Kiln.Undo"));
        Chroot = new Chroot(runner, paths.Root, spec.RunsUnderEmulation ? ForeignEnvironment.For(spec.Architecture) : null, _imageEnvironment);
        Release = ReleaseCatalog.Find(spec.Manifest.System.Release) ?? ReleaseCatalog.Sid;
        DiskPath = paths.RawDisk;
        if (spec.SourceDateEpoch is { } epoch)
        {
            UseSourceDateEpoch(epoch);
        }
    }

    private readonly Dictionary<string, string> _imageEnvironment = new(StringComparer.Ordinal);

    private readonly Dictionary<Type, object> _states = [];

    /// <summary>The build as resolved from the manifest: settings, platform, layout, outputs.</summary>
    public BuildSpec Spec { get; }

    /// <summary>The manifest's core sections (the spec's).</summary>
    public Manifest Manifest => Spec.Manifest;

    public BuildPaths Paths { get; }

    /// <summary>
    /// Where the disk is written: the raw disk file (<see cref="BuildPaths.RawDisk"/>), or the block device of a
    /// logical volume once <c>backing: lvm</c> has created it. Every task that writes the disk writes here.
    /// </summary>
    public string DiskPath { get; set; }

    public ICommandRunner Runner { get; }

    public ILoggerFactory LoggerFactory { get; }

    public ILogger Logger { get; }

    public UndoStack Undo { get; }

    /// <summary>The journal of what the build takes from the host, written before each acquisition (for recovery after a crash).</summary>
    public BuildJournal Journal { get; init; } = BuildJournal.None;

    /// <summary>The outputs being written under temporary names until the build publishes them.</summary>
    public OutputFiles Outputs { get; } = new();

    /// <summary>The outputs are in place: from here on an interrupt no longer undoes the build.</summary>
    public bool Published { get; set; }

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

    /// <summary>
    /// The build's SOURCE_DATE_EPOCH: the spec's (the environment's or the manifest's), else the Date of the mirror's
    /// Release file once <c>ResolveRelease</c> has read it; null before that.
    /// </summary>
    public SourceDateEpoch? SourceDateEpoch { get; private set; }

    /// <summary>
    /// The times of the stored tree the root was made from (a cache or prebootstrapped hit, or the tree a miss just
    /// stored), or null when the root was bootstrapped in place or the stored tree's times are unknown.
    /// </summary>
    public StoredTreeTimes? StoredTreeTimes { get; set; }

    /// <summary>
    /// Environment variables every program that writes the image's files runs with: the bootstrapper (with its
    /// hooks, dpkg and the initramfs) and every command in the chroot.
    /// </summary>
    public IReadOnlyDictionary<string, string> ImageEnvironment => _imageEnvironment;

    /// <summary>Environment variables the bootstrapper runs with (apt_proxy's <c>http_proxy</c>: debootstrap downloads with wget, not apt).</summary>
    public Dictionary<string, string> BootstrapEnvironment { get; } = new(StringComparer.Ordinal);

    /// <summary>Kernel command line parameters the bootloader passes (console, root and the like).</summary>
    public List<string> KernelParameters { get; } = [];

    /// <summary>systemd units enabled in the image once packages are installed.</summary>
    public List<string> EnabledUnits { get; } = [];

    /// <summary>Files the build leaves behind for the user (the image, a tarball ...).</summary>
    public List<string> Artifacts { get; } = [];

    /// <summary>Lines shown to the user once the build has finished (e.g. a generated password).</summary>
    public List<string> Notices { get; } = [];

    /// <summary>Shows a message to the user right away (progress output), besides the log.</summary>
    public Action<string> Announce { get; set; } = _ => { };

    /// <summary>Where a host program is (as root's PATH finds it), or null; tests give their own answer.</summary>
    public Func<string, string?> FindProgram { get; init; } = HostToolCheck.Locate;

    /// <summary>The build's place among the builds of its run that go at once (<see cref="Builds.JobSlot"/>).</summary>
    public Builds.JobSlot JobSlot { get; init; } = Builds.JobSlot.None;

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

    /// <summary>Fixes the build's SOURCE_DATE_EPOCH and hands it to the bootstrapper and to every command in the chroot.</summary>
    public void UseSourceDateEpoch(SourceDateEpoch epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        SourceDateEpoch = epoch;
        _imageEnvironment[SourceDateEpoch.VariableName] = epoch.Text;
        BootstrapEnvironment[SourceDateEpoch.VariableName] = epoch.Text;
    }

    /// <summary>The disk layout of the spec (every UUID chosen at resolve).</summary>
    public DiskLayout RequireLayout() => Spec.RequireLayout();
}
