using Kiln.Plugins.FileCopy;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.FileCopy;

public sealed class FileCopyPluginTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-file-copy-").FullName;

    public FileCopyPluginTests()
    {
        File.WriteAllText(Path.Combine(_directory, "motd"), "hello\n");
    }

    private string Manifest => Path.Combine(_directory, "m.yml");

    [Fact]
    public void Files_and_directories_with_bootstrap_vzs_attributes_are_valid()
    {
        TestManifests.ErrorsOf(WithPlugin("""
            {files: [{src: motd, dst: /etc/motd, permissions: '0644', owner: root, group: adm}, {src: ., dst: /srv/site/, permissions: 'u+rwX,go=rX'}],
                  mkdirs: [{dir: /srv/data, permissions: '755', owner: 'www-data:www-data'}]}
            """), Manifest).ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_source_is_reported_at_its_line_with_where_it_was_looked_for()
    {
        var yaml = WithPlugin("""

                files:
                  - src: motd
                    dst: /etc/motd
                  - src: site/index.html
                    dst: /var/www/html/index.html
            """);

        TestManifests.ErrorsOf(yaml, Manifest).Select(e => e.ToString())
            .ShouldBe([$"{Manifest}:19:14: the source site/index.html does not exist (looked for {_directory}/site/index.html)"]);
    }

    [Fact]
    public void Neither_files_nor_mkdirs_is_an_error()
    {
        TestManifests.ErrorsOf(WithPlugin("{}"), "m.yml").Select(e => e.ToString()).ShouldBe(["m.yml:15:14: file_copy needs `files`, `mkdirs` or both"]);
    }

    [Fact]
    public void A_mode_chmod_would_refuse_or_an_unquoted_number_is_rejected()
    {
        TestManifests.ErrorsOf(WithPlugin("{mkdirs: [{dir: /a, permissions: 755}, {dir: /b, permissions: 'rwx'}]}"), "m.yml").Select(e => e.ToString()).ShouldBe(
        [
            "m.yml:15:47: `plugins.file_copy.mkdirs[0].permissions` must be a string, not the number `755` (a chmod mode in quotes, octal such as '0644' or symbolic such as u+x,go-w)",
            "m.yml:15:76: `rwx` is not valid for `plugins.file_copy.mkdirs[1].permissions`; expected a chmod mode in quotes, octal such as '0644' or symbolic such as u+x,go-w",
        ]);
    }

    [Fact]
    public void The_plugin_adds_only_the_tasks_the_manifest_needs()
    {
        var onlyDirectories = new TaskSet();
        var both = new TaskSet();

        new FileCopyPlugin().ResolveTasks(onlyDirectories, TestManifests.Bind(WithPlugin("{mkdirs: [{dir: /srv}]}")));
        new FileCopyPlugin().ResolveTasks(both, TestManifests.Bind(WithPlugin("{mkdirs: [{dir: /srv}], files: [{src: a, dst: /b}]}")));

        onlyDirectories.Tasks.Select(t => t.Name).ShouldBe(["CreateDirectories"]);
        both.Tasks.Select(t => t.Name).ShouldBe(["CreateDirectories", "CopyFiles"]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  file_copy: {settings}\n";
}
