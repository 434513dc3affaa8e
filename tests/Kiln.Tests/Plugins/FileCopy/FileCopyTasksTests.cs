using Kiln.Plugins.FileCopy;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.FileCopy;

/// <summary>CreateDirectories and CopyFiles: the exact commands, run in the chroot so that names and links are the image's.</summary>
public sealed class FileCopyTasksTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-file-copy-").FullName;

    public FileCopyTasksTests()
    {
        File.WriteAllText(Path.Combine(_directory, "motd"), "hello\n");
        Directory.CreateDirectory(Path.Combine(_directory, "site"));
    }

    [Fact]
    public async Task Directories_are_made_with_their_parents_then_given_mode_owner_and_group()
    {
        using var image = new TemporaryImageRoot(Manifest("{mkdirs: [{dir: /srv/data, permissions: '2750', owner: daemon, group: adm}, {dir: /srv/plain}]}"));

        await new CreateDirectories().RunAsync(image.Context, CancellationToken.None);

        image.Runner.Argvs.ShouldBe(
        [
            ["chroot", image.Root, "mkdir", "-p", "/srv/data"],
            ["chroot", image.Root, "chmod", "2750", "/srv/data"],
            ["chroot", image.Root, "chown", "daemon", "/srv/data"],
            ["chroot", image.Root, "chgrp", "adm", "/srv/data"],
            ["chroot", image.Root, "mkdir", "-p", "/srv/plain"],
        ]);
    }

    [Fact]
    public async Task Each_source_is_staged_in_the_root_then_copied_into_place_in_the_chroot()
    {
        using var image = new TemporaryImageRoot(Manifest("{files: [{src: motd, dst: /etc/motd, permissions: '644'}, {src: site, dst: /opt/site/, owner: daemon}, {src: motd, dst: /usr/local/share}]}"));
        Directory.CreateDirectory(image.Context.Paths.InRoot("/usr/local/share"));

        await new CopyFiles().RunAsync(image.Context, CancellationToken.None);

        image.Runner.Argvs.ShouldBe(
        [
            ["cp", "-a", "-H", "--", $"{_directory}/motd", $"{image.Root}/kiln-file-copy/0/motd"],
            ["chroot", image.Root, "mkdir", "-p", "/etc"],
            ["chroot", image.Root, "cp", "-R", "--preserve=mode,timestamps", "-T", "/kiln-file-copy/0/motd", "/etc/motd"],
            ["chroot", image.Root, "chmod", "644", "/etc/motd"],
            ["cp", "-a", "-H", "--", $"{_directory}/site", $"{image.Root}/kiln-file-copy/1/site"],
            ["chroot", image.Root, "mkdir", "-p", "/opt"],
            ["chroot", image.Root, "cp", "-R", "--preserve=mode,timestamps", "-T", "/kiln-file-copy/1/site", "/opt/site"],
            ["chroot", image.Root, "chown", "daemon", "/opt/site"],
            ["cp", "-a", "-H", "--", $"{_directory}/motd", $"{image.Root}/kiln-file-copy/2/motd"],
            ["chroot", image.Root, "mkdir", "-p", "/usr/local/share"],
            ["chroot", image.Root, "cp", "-R", "--preserve=mode,timestamps", "-T", "/kiln-file-copy/2/motd", "/usr/local/share/motd"],
        ]);
        Directory.Exists(image.Context.Paths.InRoot(CopyFiles.StagingDirectory)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/etc/motd", false, false, "/etc/motd")]
    [InlineData("/usr/local/bin/", false, false, "/usr/local/bin/motd")]
    [InlineData("/usr/local/bin", false, true, "/usr/local/bin/motd")]
    [InlineData("etc/motd", false, false, "/etc/motd")]
    [InlineData("/", false, true, "/motd")]
    [InlineData("/opt/site/", true, true, "/opt/site")]
    public void A_file_goes_into_a_directory_destination_and_a_directory_becomes_the_destination(string destination, bool sourceIsDirectory, bool destinationIsDirectory, string target)
    {
        CopyFiles.Target(new FileEntry("/host/motd", destination, new PathAttributes(null, null, null)), sourceIsDirectory, destinationIsDirectory).ShouldBe(target);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Kiln.Specs.BuildSpec Manifest(string settings) => TestManifests.Bind(FileCopyPluginTests.WithPlugin(settings), Path.Combine(_directory, "m.yml"));
}
