using Kiln.Common;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Tasks;
using Newtonsoft.Json;

namespace Kiln.Plugins.Ansible;

/// <summary>
/// Runs the playbook with the host's ansible-playbook against the image through the chroot connection. Ansible's
/// own files stay out of the image: its local state goes to the build's scratch directory, its remote temporary
/// files to the image's /tmp (emptied later), and a ~/.ansible the run leaves in the image is removed.
/// </summary>
public sealed class RunAnsiblePlaybook : BuildTask
{
    /// <summary>Where the modules' temporary files go inside the image.</summary>
    public const string RemoteTemporary = "/tmp/.kiln-ansible";

    private static readonly string[] AnsibleHomeFiles = ["/root/.ansible", "/root/.ansible_async"];

    public override Phase Phase => Phase.UserModification;

    public override string Description => "Running the Ansible playbook against the image";

    public override IEnumerable<HostTool> Tools =>
        [new HostTool("ansible-playbook", "ansible"), new HostTool("chroot", "coreutils")];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Spec.SettingsOf<AnsibleSettings>();
        var state = Path.Combine(context.Paths.Scratch, "ansible");
        Directory.CreateDirectory(Path.Combine(state, "tmp"));
        var inventory = Path.Combine(state, "inventory");
        var hostName = context.Manifest.System.Hostname ?? "debian";
        await File.WriteAllTextAsync(inventory, AnsibleInventory.Render(hostName, context.Paths.Root, settings.Groups), cancellationToken);
        var existing = AnsibleHomeFiles.Where(context.ExistsInImage).ToList();
        await context.Runner.RunCheckedAsync(Command(settings, inventory, state), cancellationToken);
        foreach (var directory in AnsibleHomeFiles.Except(existing).Select(context.Paths.InRoot).Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>bootstrap-vz's ansible-playbook call, with the environment that keeps Ansible's files in the build directory.</summary>
    public static CommandLine Command(AnsibleSettings settings, string inventory, string stateDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var arguments = new List<string> { "-i", inventory, settings.Playbook };
        if (settings.ExtraVars is { } extraVars)
        {
            arguments.AddRange(["--extra-vars", extraVars.ToString(Formatting.None)]);
        }

        if (settings.Tags.Count > 0)
        {
            arguments.AddRange(["--tags", string.Join(',', settings.Tags)]);
        }

        if (settings.SkipTags.Count > 0)
        {
            arguments.AddRange(["--skip-tags", string.Join(',', settings.SkipTags)]);
        }

        arguments.AddRange(settings.OptFlags);
        return new CommandLine("ansible-playbook", arguments)
        {
            // The playbook's directory, so that an ansible.cfg next to it applies, as it would when run by hand.
            WorkingDirectory = Path.GetDirectoryName(settings.Playbook),
            Environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ANSIBLE_HOME"] = stateDirectory,
                ["ANSIBLE_LOCAL_TEMP"] = Path.Combine(stateDirectory, "tmp"),
                ["ANSIBLE_REMOTE_TMP"] = RemoteTemporary,
                ["ANSIBLE_RETRY_FILES_ENABLED"] = "false",
                ["ANSIBLE_NOCOLOR"] = "1",
                // Ansible refuses to run without a UTF-8 locale; the modules in the chroot inherit it, and C.UTF-8 is in every Debian.
                ["LC_ALL"] = "C.UTF-8",
                ["PYTHONUNBUFFERED"] = "1",
            },
        };
    }
}
