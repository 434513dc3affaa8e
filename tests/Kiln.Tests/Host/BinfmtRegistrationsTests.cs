using Kiln.Host;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

/// <summary>binfmt_misc registration against directories that stand in for /proc/sys/fs/binfmt_misc and /run/kiln/binfmt.</summary>
public sealed class BinfmtRegistrationsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kiln-binfmt-").FullName;

    private string Table => Path.Combine(_root, "binfmt_misc");

    private string State => Path.Combine(_root, "state");

    [Fact]
    public async Task An_unmounted_table_is_mounted_and_the_emulator_registered_and_both_are_taken_away_when_the_build_ends()
    {
        Directory.CreateDirectory(Table);
        var runner = new FakeCommandRunner();
        var undo = new UndoStack(NullLogger.Instance);
        using var owner = BuildOwnership.Claim(Path.Combine(_root, "a.lock"));

        var registered = await Registrations(runner, undo).EnsureAsync("qemu-aarch64", "a", owner.Path, CancellationToken.None);

        registered.ShouldBeTrue();
        runner.Argvs[0].ShouldBe(["mount", "-t", "binfmt_misc", "binfmt_misc", Table]);
        runner.Argvs[1].ShouldBe(["tee", $"{Table}/register"]);
        runner.Commands[1].StandardInput.ShouldStartWith(":qemu-aarch64:M::");
        undo.Descriptions.ShouldBe(["stop using the binfmt_misc entry qemu-aarch64"]);

        // The fake runner mounts and registers nothing; make the table look as the kernel would.
        await File.WriteAllTextAsync(Path.Combine(Table, "register"), string.Empty);
        await File.WriteAllTextAsync(Path.Combine(Table, "qemu-aarch64"), "enabled\n");
        runner.Commands.Clear();
        await undo.UnwindAsync(CancellationToken.None);
        runner.Argvs.ShouldBe([["tee", $"{Table}/qemu-aarch64"], ["umount", Table]]);
        runner.Commands[0].StandardInput.ShouldBe("-1\n");
    }

    [Fact]
    public async Task A_registration_the_host_has_is_used_and_left_alone()
    {
        Directory.CreateDirectory(Table);
        await File.WriteAllTextAsync(Path.Combine(Table, "register"), string.Empty);
        await File.WriteAllTextAsync(Path.Combine(Table, "qemu-aarch64"), "enabled\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\n");
        var runner = new FakeCommandRunner();
        var undo = new UndoStack(NullLogger.Instance);
        using var owner = BuildOwnership.Claim(Path.Combine(_root, "a.lock"));

        (await Registrations(runner, undo).EnsureAsync("qemu-aarch64", "a", owner.Path, CancellationToken.None)).ShouldBeFalse();
        await undo.UnwindAsync(CancellationToken.None);

        runner.Commands.ShouldBeEmpty();
    }

    [Fact]
    public async Task While_another_live_build_uses_the_entry_it_stays()
    {
        Directory.CreateDirectory(Table);
        var runner = new FakeCommandRunner();
        using var first = BuildOwnership.Claim(Path.Combine(_root, "a.lock"));
        using var second = BuildOwnership.Claim(Path.Combine(_root, "b.lock"));
        var firstUndo = new UndoStack(NullLogger.Instance);
        await Registrations(runner, firstUndo).EnsureAsync("qemu-aarch64", "a", first.Path, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(Table, "register"), string.Empty);
        await File.WriteAllTextAsync(Path.Combine(Table, "qemu-aarch64"), "enabled\n");
        await Registrations(runner, new UndoStack(NullLogger.Instance)).EnsureAsync("qemu-aarch64", "b", second.Path, CancellationToken.None);
        runner.Commands.Clear();

        await firstUndo.UnwindAsync(CancellationToken.None);

        runner.Commands.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_host_that_cannot_mount_the_table_is_told_so()
    {
        var runner = new FakeCommandRunner().Returns("mount", 32, standardError: "mount: unknown filesystem type 'binfmt_misc'");
        using var owner = BuildOwnership.Claim(Path.Combine(_root, "a.lock"));

        var error = await Should.ThrowAsync<UserInputException>(() => Registrations(runner, new UndoStack(NullLogger.Instance)).EnsureAsync("qemu-aarch64", "a", owner.Path, CancellationToken.None));

        error.Message.ShouldStartWith("this host cannot run foreign programs: binfmt_misc cannot be mounted");
    }

    [Fact]
    public void A_missing_emulator_names_its_package()
    {
        Should.Throw<UserInputException>(() => BinfmtRegistrations.RegistrationLine("qemu-aarch64", _root)).Message.ShouldEndWith("apt-get install qemu-user-static");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private BinfmtRegistrations Registrations(FakeCommandRunner runner, UndoStack undo) => new(runner, undo, BuildJournal.None, Table, State);
}
