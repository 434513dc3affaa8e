using System.Diagnostics;
using System.Text;

namespace Kiln.SystemTests;

/// <summary>Runs the real kiln CLI (the Kiln.Cli build next to the tests) as a child process.</summary>
public static class KilnCli
{
    private static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "Kiln.Cli.dll");

    public static Task<KilnRun> RunAsync(params string[] arguments) => RunAsync(arguments, environment: null);

    /// <summary>
    /// How a kiln under test starts: after <paramref name="launcher"/> (such as <c>setsid</c>), through
    /// <c>env --default-signal</c>, because a test run started in the background by a shell ignores SIGINT and
    /// SIGQUIT (and under nohup SIGHUP), a disposition every child inherits and kiln rightly keeps; the tests
    /// that interrupt kiln need the signals' default disposition. Output is plain and the suite's cache is used.
    /// </summary>
    public static ProcessStartInfo StartInfo(IReadOnlyList<string> launcher, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        string[] command = [.. launcher, "env", "--default-signal", "dotnet", CliAssembly, .. arguments];
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in SuiteCache.Environment.Concat(environment ?? new Dictionary<string, string>()))
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>Runs kiln with <paramref name="environment"/> added to the suite's (a test that signals kiln uses <see cref="KilnProcess"/>).</summary>
    public static async Task<KilnRun> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var info = StartInfo([], arguments, environment);
        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        void Watch(StringBuilder sink, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                sink.Append(line).Append('\n');
            }
        }

        process.OutputDataReceived += (_, e) => Watch(output, e.Data);
        process.ErrorDataReceived += (_, e) => Watch(error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit();
        return new KilnRun(process.ExitCode, output.ToString(), error.ToString());
    }
}
