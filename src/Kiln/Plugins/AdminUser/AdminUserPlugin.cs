using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Providers.Kvm;
using Kiln.Tasks;

namespace Kiln.Plugins.AdminUser;

/// <summary>
/// bootstrap-vz's admin_user plugin: a user with passwordless sudo who logs in with a password, an SSH key
/// or both.
/// </summary>
public sealed class AdminUserPlugin : IPlugin
{
    public const string PluginName = "admin_user";

    /// <summary>Accounts every Debian system has (base-passwd, and apt's): useradd cannot create them again.</summary>
    private static readonly HashSet<string> SystemAccounts = new(StringComparer.Ordinal)
    {
        "root", "daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp", "proxy", "www-data",
        "backup", "list", "irc", "gnats", "nobody", "_apt",
    };

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin admin_user", typeof(AdminUserPlugin).Assembly, "Plugins/AdminUser/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var document = manifest.Document;
        var settings = AdminUserSettings.From(manifest);
        if (SystemAccounts.Contains(settings.Username))
        {
            yield return document.ErrorAt(document.Root.SelectToken("plugins.admin_user.username"),
                $"`{settings.Username}` is an account every Debian system already has; choose another name for the administrator");
        }

        if (settings.Password is null && settings.PublicKeyFile is null)
        {
            yield return document.ErrorAt(document.Root.SelectToken("plugins.admin_user"),
                $"admin_user needs a password, a pubkey or both: without either nobody can log in as {settings.Username}");
        }

        if (settings.PublicKeyFile is { } path)
        {
            var token = document.Root.SelectToken("plugins.admin_user.pubkey");
            if (PublicKeyProblem(path) is { } problem)
            {
                yield return document.ErrorAt(token, problem);
            }
            else if (manifest.Provider.Name == "kvm" && !KvmSettings.From(manifest).Ssh)
            {
                yield return document.ErrorAt(token, "a public key lets the administrator log in over SSH, but provider.ssh is false, so the image has no SSH server; remove `ssh: false` or the pubkey");
            }
        }
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(manifest);
        var settings = AdminUserSettings.From(manifest);
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
