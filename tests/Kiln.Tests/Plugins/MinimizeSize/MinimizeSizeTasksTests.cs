using Kiln.Disks;
using Kiln.Host;
using Kiln.Plugins.MinimizeSize;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.MinimizeSize;

public sealed class MinimizeSizeTasksTests
{
    [Fact]
    public async Task The_dpkg_filters_are_in_the_root_before_packages_are_installed()
    {
        var context = TestBuildContexts.Create(Manifest("{dpkg: {exclude_docs: true}}"));

        await new AddDpkgPathFilters().RunAsync(context, CancellationToken.None);

        context.EarlyFiles.Keys.ShouldBe(["/etc/dpkg/dpkg.cfg.d/10exclude-docs"]);
    }

    [Fact]
    public async Task What_the_bootstrapper_unpacked_past_the_filters_is_removed_and_so_are_excluded_directories_left_empty()
    {
        using var image = new TemporaryImageRoot(Manifest("{dpkg: {locales: [de], exclude_docs: true}}"));
        image.Write("/usr/share/doc/apt/copyright", "GPL\n");
        image.Write("/usr/share/doc/apt/changelog.gz", "log\n");
        image.Write("/usr/share/doc/apt/examples/sources.list", "deb\n");
        image.Write("/usr/share/locale/locale.alias", "alias\n");
        image.Write("/usr/share/locale/de/LC_MESSAGES/apt.mo", "de\n");
        image.Write("/usr/share/locale/fr/LC_MESSAGES/apt.mo", "fr\n");
        image.Write("/usr/share/man/man8/apt.8.gz", "man\n");
        image.Write("/usr/share/man/fr/man8/apt.8.gz", "fr man\n");
        image.Write("/usr/bin/apt", "binary\n");
        File.CreateSymbolicLink(image.Context.Paths.InRoot("/usr/share/doc/libapt-pkg"), "apt");

        await new RemoveFilteredFiles().RunAsync(image.Context, CancellationToken.None);

        Files(image.Root).ShouldBe([
            "/usr/bin/apt", "/usr/share/doc/apt/copyright", "/usr/share/locale/de/LC_MESSAGES/apt.mo", "/usr/share/locale/locale.alias", "/usr/share/man/man8/apt.8.gz",
        ]);
        Directory.Exists(image.Context.Paths.InRoot("/usr/share/locale/fr")).ShouldBeFalse();
        Directory.Exists(image.Context.Paths.InRoot("/usr/share/man/fr")).ShouldBeFalse();
    }

    [Fact]
    public void The_apt_settings_are_bootstrap_vzs()
    {
        var files = WriteAptSettings.Files(new MinimizeSizeSettings { AptAutoclean = true, AptLanguages = ["en", "de"], AptGzipIndexes = true, AptAutoremoveSuggests = true });

        files.Keys.ShouldBe(["/etc/apt/apt.conf.d/20autoremove-suggests", "/etc/apt/apt.conf.d/20gzip-indexes", "/etc/apt/apt.conf.d/20languages", "/etc/apt/apt.conf.d/90clean"]);
        files["/etc/apt/apt.conf.d/20languages"].ShouldBe("// Written by Kiln (minimize_size): apt downloads package descriptions in these languages only.\nAcquire::Languages { \"en\"; \"de\"; };\n");
        files["/etc/apt/apt.conf.d/20gzip-indexes"].ShouldEndWith("Acquire::GzipIndexes \"true\";\nAcquire::CompressionTypes::Order:: \"gz\";\n");
        files["/etc/apt/apt.conf.d/20autoremove-suggests"].ShouldEndWith("Apt::AutoRemove::SuggestsImportant \"false\";\n");
        files["/etc/apt/apt.conf.d/90clean"].ShouldContain("Dir::Cache::pkgcache \"\";\n");
    }

    [Fact]
    public async Task The_apt_settings_are_written_into_the_image()
    {
        using var image = new TemporaryImageRoot(Manifest("{apt: {languages: [none]}}"));

        await new WriteAptSettings().RunAsync(image.Context, CancellationToken.None);

        image.Read("/etc/apt/apt.conf.d/20languages").ShouldEndWith("Acquire::Languages { \"none\"; };\n");
    }

    [Fact]
    public async Task Zerofree_runs_on_each_ext_filesystem_at_its_offset_in_the_disk()
    {
        var runner = new FakeCommandRunner().Returns("zerofree", 0, "0/564423/786176\n");
        var context = TestBuildContexts.Create(Manifest("{zerofree: true}"), runner);
        var notes = new List<string>();
        context.Announce = notes.Add;

        await new ZeroFreeBlocks().RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe([["zerofree", "-v", "/nonexistent/workspace/kiln-test/disk.raw?offset=1048576"]]);
        notes.ShouldBe(["zerofree /: 0 of 564423 free blocks held data and were zeroed"]);
    }

    [Theory]
    [InlineData("qcow2", ShrinkMode.Compressed, new[] { "qemu-img", "convert", "-f", "qcow2", "-O", "qcow2", "-c", "/o/i.qcow2", "/o/i.qcow2.shrinking" })]
    [InlineData("qcow2", ShrinkMode.Uncompressed, new[] { "qemu-img", "convert", "-f", "qcow2", "-O", "qcow2", "/o/i.qcow2", "/o/i.qcow2.shrinking" })]
    [InlineData("raw", ShrinkMode.Compressed, new[] { "qemu-img", "convert", "-f", "raw", "-O", "raw", "/o/i.qcow2", "/o/i.qcow2.shrinking" })]
    public void Shrinking_rewrites_the_image_with_qemu_img_compressing_qcow2_unless_told_not_to(string backing, ShrinkMode mode, string[] argv)
    {
        ShrinkImage.Command("/o/i.qcow2", "/o/i.qcow2.shrinking", DiskImageFormat.Find(backing)!, mode).Argv.ShouldBe(argv);
    }

    [Fact]
    public async Task The_shrunk_image_replaces_the_written_one()
    {
        var outputDirectory = Directory.CreateTempSubdirectory("kiln-shrink-").FullName;
        var spec = TestManifests.Bind(
            TestManifests.Minimal.Replace("backing: raw", "backing: qcow2", StringComparison.Ordinal) + "\nplugins:\n  minimize_size: {shrink: qemu-img}\n",
            options: TestManifests.Options with { OutputDirectory = outputDirectory });
        using var image = new TemporaryImageRoot(spec);
        var runner = new WritingRunner(command => File.WriteAllText(command.Arguments[^1], "small"));
        var context = new Kiln.Tasks.BuildContext(image.Context.Spec, image.Context.Paths, runner, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var disk = spec.Outputs.RequireDiskImage();
        var written = context.Outputs.Begin(context, disk, disk.Path);
        await File.WriteAllTextAsync(written, new string('x', 4096));

        await new ShrinkImage().RunAsync(context, CancellationToken.None);

        (await File.ReadAllTextAsync(written)).ShouldBe("small");
        File.Exists(written + ".shrinking").ShouldBeFalse();
        context.Undo.Count.ShouldBe(1, "only the removal of the unpublished image is left");
        Directory.Delete(outputDirectory, recursive: true);
    }

    private static Kiln.Specs.BuildSpec Manifest(string settings) => TestManifests.Bind(TestManifests.Minimal + $"\nplugins:\n  minimize_size: {settings}\n");

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => "/" + Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];

    private sealed class WritingRunner(Action<CommandLine> effect) : ICommandRunner
    {
        public Task<CommandResult> RunAsync(CommandLine command, CancellationToken cancellationToken)
        {
            effect(command);
            return Task.FromResult(new CommandResult(command, 0, string.Empty, string.Empty, TimeSpan.Zero));
        }
    }
}
