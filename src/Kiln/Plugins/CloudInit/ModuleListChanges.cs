namespace Kiln.Plugins.CloudInit;

/// <summary>Applies disable_modules and enable_modules to the package's module lists.</summary>
public static class ModuleListChanges
{
    /// <summary>
    /// The lists that change (by section) and the disabled modules that were in no list. A disabled module
    /// leaves every list; an enabled one goes to its position, moving there if its list already has it and
    /// leaving the other lists (cloud-init would run a module listed twice in two stages).
    /// </summary>
    public static (IReadOnlyDictionary<string, IReadOnlyList<ModuleEntry>> Changed, IReadOnlyList<string> NotListed) Apply(
        IReadOnlyDictionary<string, IReadOnlyList<ModuleEntry>> lists, IReadOnlyList<string> disable, IReadOnlyList<ModuleInsertion> enable)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(disable);
        ArgumentNullException.ThrowIfNull(enable);
        var changed = new Dictionary<string, IReadOnlyList<ModuleEntry>>(StringComparer.Ordinal);
        var notListed = disable.Where(name => !lists.Values.Any(list => list.Any(entry => entry.Is(name)))).ToList();
        foreach (var (section, entries) in lists)
        {
            var list = entries.Where(entry => !disable.Any(entry.Is) && !enable.Any(e => e.Section != section && entry.Is(e.Module))).ToList();
            var insertions = enable.Where(insertion => insertion.Section == section).ToList();
            foreach (var insertion in insertions)
            {
                var existing = list.FirstOrDefault(entry => entry.Is(insertion.Module));
                if (existing is not null)
                {
                    list.Remove(existing);
                }
                else
                {
                    // Moved from another stage's list: it keeps its arguments ([runcmd, always]).
                    existing = lists.Values.SelectMany(other => other).FirstOrDefault(entry => entry.Is(insertion.Module));
                }

                list.Insert(insertion.IndexIn(list.Count), existing ?? new ModuleEntry(insertion.Module));
            }

            if (!list.SequenceEqual(entries))
            {
                changed[section] = list;
            }
        }

        return (changed, notListed);
    }
}
