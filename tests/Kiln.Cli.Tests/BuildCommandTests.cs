using Shouldly;

namespace Kiln.Cli.Tests;

/// <summary>What <c>kiln build</c> refuses before it reads a manifest.</summary>
public sealed class BuildCommandTests : IDisposable
{
    private readonly Interruption _interruption = new();

    [Fact]
    public async Task Json_describes_one_build_so_several_manifests_with_json_are_bad_input()
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        int exit;
        try
        {
            exit = await KilnApplication.RunAsync(["build", "--json", "a.yml", "b.yml"], _interruption);
        }
        finally
        {
            Console.SetError(previous);
        }

        exit.ShouldBe(2);

        // Refused before any manifest is read: the files do not exist, and the message is about --json.
        error.ToString().ShouldBe("kiln: error: --json describes one build: give one manifest, or run kiln build --json once per manifest\n");
    }

    public void Dispose() => _interruption.Dispose();
}
