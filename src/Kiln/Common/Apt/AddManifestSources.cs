using Kiln.Packages;
using Kiln.Tasks;

namespace Kiln.Common.Apt;

/// <summary>Adds <c>packages.sources</c>: the key <c>main</c> extends sources.list, every other key is a file in sources.list.d.</summary>
public sealed class AddManifestSources : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding the manifest's apt sources";

    public override IReadOnlyList<Type> Predecessors => [typeof(AddDefaultSources)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (name, lines) in context.Manifest.Packages.Sources)
        {
            foreach (var line in lines.Select(l => AptSourceLine.Parse(Expand(l, context))))
            {
                if (name == "main")
                {
                    context.Sources.AddMain(line);
                }
                else
                {
                    context.Sources.AddToFile(name, line);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>bootstrap-vz let source lines say <c>{system.release}</c>; the resolved codename is put in.</summary>
    private static string Expand(string line, BuildContext context) =>
        line.Replace("{system.release}", context.Release.Codename, StringComparison.Ordinal)
            .Replace("{apt_mirror}", context.Mirror, StringComparison.Ordinal);
}
