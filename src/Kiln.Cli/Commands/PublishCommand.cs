using System.CommandLine;
using Kiln.Cli.Output;
using Kiln.Manifests;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln publish OUTPUT_DIR [--upload-only]</c>: publishes an image a cloud build left (its publication record says
/// what was built and where it goes), with the cloud's credentials read as its own CLI reads them.
/// </summary>
public static class PublishCommand
{
    public static Command Create(Interruption interruption)
    {
        var output = new Argument<string>("output") { Description = "The build's output directory (it holds NAME.publication.json beside the image)" };
        var uploadOnly = new Option<bool>("--upload-only") { Description = "Stop after the upload (nothing is imported or registered)" };
        var workspace = new Option<string?>("--workspace") { Description = $"Where the publication keeps its lock and journal, for kiln clean (default: {BootstrapperSection.DefaultWorkspace})" };
        var log = new Option<string?>("--log") { Description = "Directory for the publication's log file (default: WORKSPACE/logs)" };
        var command = new Command("publish", "Upload and register an image a cloud build made") { output, uploadOnly, workspace, log };
        command.SetAction(async (result, _) =>
        {
            var terminal = new Terminal(result.GetValue(CommonOptions.Color));
            var directory = Path.GetFullPath(result.GetValue(workspace) ?? BootstrapperSection.DefaultWorkspace);
            var logFile = Path.Combine(Path.GetFullPath(result.GetValue(log) ?? Path.Combine(directory, "logs")), $"publish-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
            using var logging = new LogSetup(logFile, result.GetValue(CommonOptions.Debug));
            var upload = result.GetValue(uploadOnly);
            var (publishing, image) = await CloudPublishing.ForOutputAsync(result.GetValue(output)!, upload, logging, interruption.Token);
            using (publishing)
            {
                return await publishing.RunAsync(image, directory, upload, terminal, interruption);
            }
        });
        return command;
    }
}
