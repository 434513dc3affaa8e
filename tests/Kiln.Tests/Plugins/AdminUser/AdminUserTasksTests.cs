using Kiln.Plugins.AdminUser;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.AdminUser;

/// <summary>The admin_user tasks: the exact commands they run in the chroot and the files they write.</summary>
public sealed class AdminUserTasksTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-admin-user-").FullName;

    [Fact]
    public async Task The_administrator_is_created_with_a_home_and_bash()
    {
        using var image = new TemporaryImageRoot(Manifest("{username: admin, password: x}"));

        await new CreateAdminUser().RunAsync(image.Context, CancellationToken.None);

        image.Runner.Argvs.ShouldBe([["chroot", image.Root, "useradd", "--create-home", "--shell", "/bin/bash", "admin"]]);
    }

    [Fact]
    public async Task An_account_a_package_already_made_is_refused_with_what_to_do()
    {
        using var image = new TemporaryImageRoot(Manifest("{username: sshd, password: x}"));
        image.Write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nsshd:x:100:65534::/run/sshd:/usr/sbin/nologin\n");

        var error = await Should.ThrowAsync<UserInputException>(() => new CreateAdminUser().RunAsync(image.Context, CancellationToken.None));

        error.Message.ShouldContain("already has an account named `sshd`");
        image.Runner.Argvs.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_password_goes_to_chpasswd_on_standard_input_and_is_masked()
    {
        using var image = new TemporaryImageRoot(Manifest("{username: admin, password: hunter2}"));

        await new SetAdminUserPassword().RunAsync(image.Context, CancellationToken.None);

        var command = image.Runner.Commands.ShouldHaveSingleItem();
        command.Argv.ShouldBe(["chroot", image.Root, "chpasswd"]);
        command.StandardInput.ShouldBe("admin:hunter2\n");
        command.Secrets.ShouldBe(["hunter2"]);
        image.Context.Secrets.Values.ShouldBe(["hunter2"]);
    }

    [Fact]
    public async Task Sudo_without_a_password_is_a_read_only_sudoers_file_that_visudo_checks()
    {
        using var image = new TemporaryImageRoot(Manifest("{username: admin, password: x}"));

        await new AllowPasswordlessSudo().RunAsync(image.Context, CancellationToken.None);

        image.Read("/etc/sudoers.d/99_admin").ShouldBe("# Written by Kiln (admin_user plugin): the administrator runs any command as any user, without a password.\nadmin ALL=(ALL) NOPASSWD:ALL\n");
        File.GetUnixFileMode(image.Context.Paths.InRoot("/etc/sudoers.d/99_admin")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.GroupRead);
        image.Runner.Argvs.ShouldBe([["chroot", image.Root, "visudo", "--check", "--file", "/etc/sudoers.d/99_admin"]]);
    }

    [Fact]
    public async Task The_key_goes_to_authorized_keys_that_only_the_administrator_can_read()
    {
        File.WriteAllText(Path.Combine(_directory, "admin.pub"), $"# mine\n{PublicKeyFileTests.Ed25519Key} me@laptop\n");
        using var image = new TemporaryImageRoot(Manifest("{username: admin, pubkey: admin.pub}"));

        await new InstallAdminUserPublicKey().RunAsync(image.Context, CancellationToken.None);

        image.Read("/home/admin/.ssh/authorized_keys").ShouldBe($"{PublicKeyFileTests.Ed25519Key} me@laptop\n");
        File.GetUnixFileMode(image.Context.Paths.InRoot("/home/admin/.ssh")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.GetUnixFileMode(image.Context.Paths.InRoot("/home/admin/.ssh/authorized_keys")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        image.Runner.Argvs.ShouldBe([["chroot", image.Root, "chown", "-R", "admin:", "/home/admin/.ssh"]]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Kiln.Specs.BuildSpec Manifest(string settings) => TestManifests.Bind(AdminUserPluginTests.WithPlugin(settings), Path.Combine(_directory, "m.yml"));
}
