using Kiln.Plugins.AdminUser;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.AdminUser;

public sealed class AdminUserPluginTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-admin-user-").FullName;

    private string Manifest => Path.Combine(_directory, "m.yml");

    [Fact]
    public void A_password_a_key_or_both_are_valid()
    {
        File.WriteAllText(Path.Combine(_directory, "admin.pub"), PublicKeyFileTests.Ed25519Key + " admin\n");

        TestManifests.ErrorsOf(WithPlugin("{username: admin, password: secret}"), Manifest).ShouldBeEmpty();
        TestManifests.ErrorsOf(WithPlugin("{username: admin, pubkey: admin.pub}"), Manifest).ShouldBeEmpty();
        TestManifests.ErrorsOf(WithPlugin("{username: admin, password: secret, pubkey: admin.pub}"), Manifest).ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_key_file_is_reported_at_pubkey_with_the_path_looked_at()
    {
        TestManifests.ErrorsOf(WithPlugin("{username: admin, pubkey: keys/admin.pub}"), Manifest).Select(e => e.ToString())
            .ShouldBe([$"{Manifest}:15:41: the public key file {_directory}/keys/admin.pub does not exist"]);
    }

    [Fact]
    public void A_private_key_file_is_reported_at_pubkey()
    {
        File.WriteAllText(Path.Combine(_directory, "id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\n");

        TestManifests.ErrorsOf(WithPlugin("{username: admin, pubkey: id_ed25519}"), Manifest).Select(e => e.ToString())
            .ShouldBe([$"{Manifest}:15:41: {_directory}/id_ed25519 is a private key; give the public key, the file of the same name ending in .pub"]);
    }

    [Fact]
    public void Neither_password_nor_key_is_an_error_because_nobody_could_log_in()
    {
        TestManifests.ErrorsOf(WithPlugin("{username: admin}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:15: admin_user needs a password, a pubkey or both: without either nobody can log in as admin"]);
    }

    [Fact]
    public void An_account_every_system_has_cannot_be_the_administrator()
    {
        TestManifests.ErrorsOf(WithPlugin("{username: daemon, password: x}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:26: `daemon` is an account every Debian system already has; choose another name for the administrator"]);
    }

    [Fact]
    public void A_name_useradd_would_refuse_is_rejected_by_the_schema()
    {
        TestManifests.ErrorsOf(WithPlugin("{username: Admin, password: x}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:26: `Admin` is not valid for `plugins.admin_user.username`; expected a user name of at most 32 lower-case letters, digits, - and _, not starting with a digit or -"]);
    }

    [Fact]
    public void A_key_without_an_ssh_server_is_an_error()
    {
        File.WriteAllText(Path.Combine(_directory, "admin.pub"), PublicKeyFileTests.Ed25519Key + "\n");
        var yaml = WithPlugin("{username: admin, pubkey: admin.pub}").Replace("name: kvm", "name: kvm\n  ssh: false", StringComparison.Ordinal);

        TestManifests.ErrorsOf(yaml, Manifest).Select(e => e.ToString())
            .ShouldBe([$"{Manifest}:16:41: a public key lets the administrator log in over SSH, but provider.ssh is false, so the image has no SSH server; remove `ssh: false` or the pubkey"]);
    }

    [Fact]
    public void The_plugin_adds_the_key_and_password_tasks_only_when_asked()
    {
        var passwordOnly = new TaskSet();
        var both = new TaskSet();

        new AdminUserPlugin().ResolveTasks(passwordOnly, TestManifests.Bind(WithPlugin("{username: admin, password: x}")));
        new AdminUserPlugin().ResolveTasks(both, TestManifests.Bind(WithPlugin("{username: admin, password: x, pubkey: a.pub}")));

        passwordOnly.Tasks.Select(t => t.Name).ShouldBe(["AddSudoPackage", "CreateAdminUser", "AllowPasswordlessSudo", "SetAdminUserPassword"]);
        both.Tasks.Select(t => t.Name).ShouldBe(["AddSudoPackage", "CreateAdminUser", "AllowPasswordlessSudo", "SetAdminUserPassword", "InstallAdminUserPublicKey"]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  admin_user: {settings}\n";
}
