using System.CommandLine;
using System.Text;
using Kiln.Cli.Commands;
using Kiln.Cli.Output;
using Shouldly;

namespace Kiln.Cli.Tests;

/// <summary>What kiln says about a wrong command line: the option named with the closest one, never a path taken for an option.</summary>
public sealed class CommandLineProblemsTests : IDisposable
{
    private readonly Interruption _interruption = new();

    [Fact]
    public void Mistyped_options_verbs_and_values_are_named_with_the_closest_valid_one()
    {
        string[][] lines =
        [
            ["build", "--dryrun", "m.yml"],
            ["validate", "--jsn", "x.yml"],
            ["validate", "--json", "x.yml"],
            ["biuld", "m.yml"],
            ["--color", "bogus", "validate", "x.yml"],
            ["test", "image.qcow2", "--loginn", "root:secret"],
            ["boot", "image.qcow2", "--plugin-path", "plugins"],
            ["doctor", "--dry-run"],
            ["plan", "--", "-odd-name.yml"],
            ["build", "--output"],
            ["plan", "--graphs"],
        ];
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            var root = KilnApplication.CreateRoot(_interruption);
            var problems = CommandLineProblems.Find(root.Parse(line), line);
            text.Append("$ kiln ").Append(string.Join(' ', line)).Append('\n');
            text.Append(problems.Count == 0 ? "(accepted)\n" : string.Concat(problems.Select(p => $"kiln: error: {p}\n")));
        }

        Golden.Verify(text.ToString());
    }

    [Theory]
    [InlineData("boot")]
    [InlineData("test")]
    [InlineData("clean")]
    public void Commands_that_load_no_plugins_do_not_offer_the_plugin_path(string verb)
    {
        var reference = CommandReference.Of(KilnApplication.CreateRoot(_interruption));

        reference.Verbs.Single(v => v.Name == verb).Options.Select(o => o.Name).ShouldNotContain("--plugin-path");
        reference.Verbs.Single(v => v.Name == "build").Options.Select(o => o.Name).ShouldContain("--plugin-path");
    }

    [Fact]
    public void The_password_file_is_readable_by_its_owner_only()
    {
        var directory = Directory.CreateTempSubdirectory("kiln-password-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "img.root-password"), "old");
            File.SetUnixFileMode(Path.Combine(directory, "img.root-password"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

            var path = RootPasswordFile.Write(directory, "img", "s3cret");

            File.ReadAllText(path).ShouldBe("s3cret\n");
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public void Dispose() => _interruption.Dispose();
}
