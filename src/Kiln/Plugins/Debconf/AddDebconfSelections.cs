using Kiln.Common.Boot;
using Kiln.Tasks;

namespace Kiln.Plugins.Debconf;

/// <summary>
/// Hands the manifest's answers to the bootstrap, which sets them before any package beyond the essential
/// set is installed. They come after Kiln's own answers, so that the manifest's win.
/// </summary>
public sealed class AddDebconfSelections : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding the manifest's debconf answers";

    public override IReadOnlyList<Type> Predecessors => [typeof(AddGrubPackages)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.DebconfSelections.AddRange(context.Spec.SettingsOf<DebconfSettings>().Selections.Select(selection => selection.Line));
        return Task.CompletedTask;
    }
}
