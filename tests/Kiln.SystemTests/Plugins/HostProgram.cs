using System.Diagnostics;

namespace Kiln.SystemTests.Plugins;

/// <summary>Runs a host program the provisioning tests need (qemu-img, ssh-keygen, mkfs.vfat, mcopy, ssh) and returns what it did.</summary>
public static class HostProgram
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>Runs the program and fails the test when it fails.</summary>
    public static async Task<string> CheckedAsync(string program, params string[] arguments)
    {
        var (exitCode, output) = await RunAsync(program, arguments);
        return exitCode == 0 ? output : throw new Shouldly.ShouldAssertException($"{program} {string.Join(' ', arguments)} failed with exit code {exitCode}:\n{output}");
    }
}
