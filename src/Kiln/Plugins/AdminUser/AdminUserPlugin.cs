using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.AdminUser;

/// <summary>
/// bootstrap-vz's admin_user plugin: a user with passwordless sudo who logs in with a password, an SSH key
/// or both.
/// </summary>
public sealed class AdminUserPlugin : Plugin<AdminUserSettings>
{
    public const string PluginName = "admin_user";

    /// <summary>Accounts every Debian system has (base-passwd, and apt's): useradd cannot create them again.</summary>
    private static readonly HashSet<string> SystemAccounts = new(StringComparer.Ordinal)
    {
        "root", "daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp", "proxy", "www-data",
        "backup", "list", "irc", "gnats", "nobody", "_apt",
    };

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin admin_user", typeof(AdminUserPlugin).Assembly, "Plugins/AdminUser/manifest-schema.yml");

    public override AdminUserSettings Bind(SettingsSection section) => AdminUserSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, AdminUserSettings settings)
    {
        if (SystemAccounts.Contains(settings.Username))
        {
            yield return settings.Where.ErrorAt("username",
                $"`{settings.Username}` is an account every Debian system already has; choose another name for the administrator");
        }

        if (settings.Password is null && settings.PublicKeyFile is null)
        {
            yield return new ManifestError(settings.Where.Section,
                $"admin_user needs a password, a pubkey or both: without either nobody can log in as {settings.Username}");
        }

        if (settings.PublicKeyFile is { } path)
        {
            if (PublicKeyProblem(path) is { } problem)
            {
                yield return settings.Where.ErrorAt("pubkey", problem);
            }
            else if (!spec.ProviderProfile.SshServer)
            {
                yield return settings.Where.ErrorAt("pubkey", "a public key lets the administrator log in over SSH, but provider.ssh is false, so the image has no SSH server; remove `ssh: false` or the pubkey");
            }
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, AdminUserSettings settings)
    {
        tasks.Add<AddSudoPackage>().Add<CreateAdminUser>().Add<AllowPasswordlessSudo>();
        if (settings.Password is not null)
        {
            tasks.Add<SetAdminUserPassword>();
        }

        if (settings.PublicKeyFile is not null)
        {
            tasks.Add<InstallAdminUserPublicKey>();
        }
    }

    private static string? PublicKeyProblem(string path)
    {
        if (!File.Exists(path))
        {
            return $"the public key file {path} does not exist";
        }

        var (_, problem) = PublicKeyFile.Parse(File.ReadAllText(path));
        return problem is null ? null : $"{path} {problem}";
    }
}
