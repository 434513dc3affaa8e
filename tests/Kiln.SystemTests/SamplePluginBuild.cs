using System.Diagnostics;

namespace Kiln.SystemTests;

/// <summary>Builds the sample third-party plugin (samples/plugins/motd) into a temporary directory, as a plugin author would.</summary>
public sealed class SamplePluginBuild : IDisposable
{
    public SamplePluginBuild()
    {
        Root = System.IO.Directory.CreateTempSubdirectory("kiln-plugins-").FullName;
        Directory = Build("motd", "motd", "Kiln.Samples.Motd");
        SameNameCopy = Build("motd-copy", "motd", "Kiln.Samples.MotdCopy");
        BuiltInNameCopy = Build("shadow", "root_password", "Kiln.Samples.Shadow");
    }

    public string Root { get; }

    /// <summary>The directory holding the plugin as its author ships it.</summary>
    public string Directory { get; }

    /// <summary>The same plugin name in another assembly (two plugin files with one name are an error).</summary>
    public string SameNameCopy { get; }

    /// <summary>The sample built as `root_password`, the name of a built-in plugin.</summary>
    public string BuiltInNameCopy { get; }

    /// <summary>Builds the sample under an assembly name and plugin name, into its own directory (one build after the other).</summary>
    private string Build(string directoryName, string pluginName, string assemblyName)
    {
        var output = Path.Combine(Root, directoryName);
        var project = Path.Combine(Repository.Root, "samples", "plugins", "motd", "Kiln.Samples.Motd.csproj");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "build", project, "-o", output, "--nologo", $"-p:PluginName={pluginName}", $"-p:SampleAssemblyName={assemblyName}" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"building the sample plugin failed:\n{log}");
        }

        return output;
    }

    public void Dispose() => TestDirectory.Remove(Root);
}
