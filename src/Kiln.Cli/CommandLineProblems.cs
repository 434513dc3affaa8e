using System.CommandLine;
using System.CommandLine.Parsing;
using Kiln.Manifests;

namespace Kiln.Cli;

/// <summary>
/// What is wrong with a command line, in words: an unknown option is named with the closest one and never taken
/// for a manifest path (a token starting with <c>-</c> is never a path, except after <c>--</c>), an unknown verb
/// gets the closest verb, and System.CommandLine's own errors are kept for the rest.
/// </summary>
public static class CommandLineProblems
{
    public static IReadOnlyList<string> Find(ParseResult parsed, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(args);
        var command = parsed.CommandResult.Command;
        var separator = args.ToList().IndexOf("--");
        var literal = separator < 0 ? new HashSet<string>(StringComparer.Ordinal) : args.Skip(separator + 1).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var positional = parsed.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value)
            .Concat(parsed.UnmatchedTokens)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var token in positional.Where(t => t.Length > 1 && t.StartsWith('-') && !literal.Contains(t)))
        {
            var name = token.Split('=')[0];
            var known = OptionNames(command).ToList();
            var closest = ClosestName.Find(name, known);
            var elsewhere = VerbsWithOption(Root(command), name).ToList();
            problems.Add(closest is not null
                ? $"unknown option `{name}` for `{Usage(command)}`; did you mean `{closest}`?"
                : elsewhere.Count > 0
                    ? $"`{Usage(command)}` does not take `{name}` (it is an option of {string.Join(", ", elsewhere.Select(v => $"`{v}`"))})"
                    : $"unknown option `{name}` for `{Usage(command)}`");
        }

        if (problems.Count == 0 && command.Subcommands.Count > 0 && command.Arguments.Count == 0)
        {
            foreach (var token in parsed.UnmatchedTokens.Where(t => !t.StartsWith('-')).Take(1))
            {
                var verbs = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
                problems.Add($"unknown command `{token}`{ClosestName.Suggestion(token, verbs)} (the commands: {string.Join(", ", verbs)})");
            }
        }

        if (problems.Count == 0)
        {
            problems.AddRange(parsed.Errors.Select(Describe));
        }

        return problems;
    }

    /// <summary>System.CommandLine's error, in kiln's words where it has them: an option given without its value.</summary>
    private static string Describe(ParseError error) =>
        error.SymbolResult is OptionResult { Tokens.Count: 0 } result && result.Option.Arity.MinimumNumberOfValues > 0
            ? $"`{result.Option.Name}` needs a value: {result.Option.Name} {result.Option.HelpName ?? "VALUE"}"
            : error.Message;

    /// <summary>The verbs (as <c>kiln VERB</c>) that have an option of this name: a user who gave it to another verb learns where it belongs.</summary>
    private static IEnumerable<string> VerbsWithOption(Command root, string name) =>
        root.Subcommands.Where(c => !c.Hidden && c.Options.Any(o => o.Name == name || o.Aliases.Contains(name))).Select(Usage);

    private static Command Root(Command command) => Ancestors(command).LastOrDefault() ?? command;

    /// <summary>Every option name and alias the command understands, those inherited from its parents included.</summary>
    private static IEnumerable<string> OptionNames(Command command)
    {
        var own = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name));
        var inherited = Ancestors(command).SelectMany(c => c.Options.Where(o => o.Recursive)).SelectMany(o => o.Aliases.Prepend(o.Name));
        return own.Concat(inherited).Where(n => n.StartsWith('-')).Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        foreach (var parent in command.Parents.OfType<Command>())
        {
            yield return parent;
            foreach (var ancestor in Ancestors(parent))
            {
                yield return ancestor;
            }
        }
    }

    private static string Usage(Command command) =>
        string.Join(' ', Ancestors(command).Reverse().Select(c => c.Name).Append(command.Name));
}
