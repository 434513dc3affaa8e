using Spectre.Console;

namespace Kiln.Cli.Output;

/// <summary>The console Kiln writes to: colors as <c>--color</c> and NO_COLOR say, live updates only on a terminal.</summary>
public sealed class Terminal
{
    public Terminal(ColorMode mode)
    {
        IsInteractive = !System.Console.IsOutputRedirected;
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var colors = mode switch
        {
            ColorMode.Always => true,
            ColorMode.Never => false,
            _ => IsInteractive && !noColor,
        };
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colors ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = IsInteractive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        UsesColor = colors;
        if (!IsInteractive)
        {
            // Redirected output is read by programs and logs: no wrapping at an imagined 80 columns.
            Console.Profile.Width = 4096;
        }
    }

    public IAnsiConsole Console { get; }

    public bool IsInteractive { get; }

    public bool UsesColor { get; }

    public void Line(string markup) => Console.MarkupLine(markup);

    public void Plain(string text) => Console.WriteLine(text);

    public static void Error(string message) => System.Console.Error.WriteLine($"kiln: error: {message}");
}
