using Kiln.Common.Bootstrap;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Packages;
using Kiln.Tasks;

namespace Kiln.Plugins.Prebootstrapped;

/// <summary>
/// Takes the place of <see cref="BootstrapSystem"/>: copies the saved tree into the root when it is exactly
/// what the bootstrap would make and the archives have not changed since; otherwise bootstraps as usual and
/// saves the new tree (replacing a stale one) before anything else changes the root.
/// </summary>
public sealed class BootstrapOrReuseSavedTree : BuildTask
{
    public override Phase Phase => Phase.OsInstallation;

    public override string Description => "Bootstrapping the base system, or reusing the saved tree";

    // Everything ordered after the bootstrap (the chroot mounts first) comes after this task.
    public override IReadOnlyList<Type> Successors => [typeof(BootstrapSystem)];

    public override IEnumerable<HostTool> RequiredTools(Manifest manifest) =>
        [.. new BootstrapSystem().RequiredTools(manifest), new HostTool("cp", "coreutils"), new HostTool("rm", "coreutils")];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var folder = new SavedTreeFolder(PrebootstrappedSettings.From(context.Manifest).Folder);
        var fingerprint = BootstrapFingerprint.Compute(context, await ToolVersionAsync(context, cancellationToken));
        folder.Create();
        using var entryLock = await EntryLock.AcquireAsync(folder.LockOf(fingerprint.Key), context.Announce, cancellationToken);
        var architecture = context.Manifest.System.UserspaceArchitecture ?? context.Manifest.System.Architecture;
        var indexes = await ArchiveIndexState.ReadAsync(ArchiveSources.FromEarlyFiles(context.EarlyFiles), architecture, cancellationToken);
        var saved = SavedTreeRecord.Read(folder.RecordOf(fingerprint.Key));
        var verdict = SavedTreeVerdict.Judge(saved, Directory.Exists(folder.TreeOf(fingerprint.Key)), fingerprint.Text, indexes);
        if (verdict.Reuse)
        {
            context.Announce($"prebootstrapped: {verdict.Reason}; copying it from {folder.EntryOf(fingerprint.Key)}");
            await context.Runner.RunCheckedAsync(CopyTree(folder.TreeOf(fingerprint.Key), context.Paths.Root), cancellationToken);
            var installed = saved!.Installed.ToHashSet(StringComparer.Ordinal);
            context.Packages.MarkInstalled(context.Packages.Requests.Where(r => installed.Contains(KeyOf(r))));
            return;
        }

        context.Announce($"prebootstrapped: {verdict.Reason}; bootstrapping and saving the tree to {folder.EntryOf(fingerprint.Key)}");
        await new BootstrapSystem().RunAsync(context, cancellationToken);
        var pending = context.Packages.Pending.Select(KeyOf).ToHashSet(StringComparer.Ordinal);
        var record = new SavedTreeRecord(fingerprint.Text, indexes, [.. context.Packages.Requests.Select(KeyOf).Where(k => !pending.Contains(k))], DateTimeOffset.UtcNow);
        await SaveAsync(context, folder, fingerprint.Key, record, cancellationToken);
    }

    /// <summary>
    /// A copy that keeps everything a root tree holds: owners, modes, hard links, device nodes, ACLs and
    /// capabilities. <c>SOURCE/.</c> copies the content whether or not the target directory exists yet.
    /// </summary>
    public static CommandLine CopyTree(string source, string target) => new("cp", "-a", "--", source + "/.", target);

    private static async Task SaveAsync(BuildContext context, SavedTreeFolder folder, string key, SavedTreeRecord record, CancellationToken cancellationToken)
    {
        var partial = folder.PartialOf(key);
        var removePartial = context.Undo.Push($"remove the unfinished saved tree {partial}", ct => RemoveAsync(context, partial, ct));
        Directory.CreateDirectory(partial);
        await context.Runner.RunCheckedAsync(CopyTree(context.Paths.Root, Path.Combine(partial, "root")), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(partial, "tree.json"), record.ToJson(), cancellationToken);
        var entry = folder.EntryOf(key);
        string? replaced = null;
        if (Directory.Exists(entry))
        {
            replaced = partial + ".replaced";
            Directory.Move(entry, replaced);
        }

        Directory.Move(partial, entry);
        removePartial.Dismiss();
        if (replaced is not null)
        {
            await RemoveAsync(context, replaced, cancellationToken);
        }
    }

    private static Task RemoveAsync(BuildContext context, string directory, CancellationToken cancellationToken) =>
        Directory.Exists(directory) ? context.Runner.RunCheckedAsync(new CommandLine("rm", "-rf", "--one-file-system", "--", directory), cancellationToken) : Task.CompletedTask;

    private static async Task<string> ToolVersionAsync(BuildContext context, CancellationToken cancellationToken)
    {
        var program = context.Manifest.Bootstrapper.Tool == BootstrapTool.Debootstrap ? "debootstrap" : "mmdebstrap";
        var result = await context.Runner.RunCheckedAsync(new CommandLine(program, "--version"), cancellationToken);
        return result.StandardOutput;
    }

    /// <summary>How <see cref="PackageSet"/> tells requests apart.</summary>
    private static string KeyOf(PackageRequest request) => request.LocalPath ?? request.AptArgument;
}
