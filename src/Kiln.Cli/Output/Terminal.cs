using Spectre.Console;

namespace Kiln.Cli.Output;

/// <summary>
/// The console Kiln writes to: colors as <c>--color</c> and NO_COLOR say, live updates only on a terminal. With
/// <c>--json</c> the human output goes to standard error, so that standard output holds only the document.
/// </summary>
public sealed class Terminal : IConsoleSurface
{
    private readonly TextWriter _writer;

    public Terminal(ColorMode mode, bool toStandardError = false)
    {
        _writer = toStandardError ? System.Console.Error : System.Console.Out;
        IsInteractive = toStandardError ? !System.Console.IsErrorRedirected : !System.Console.IsOutputRedirected;
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
            Out = new AnsiConsoleOutput(_writer),
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

    /// <summary>The terminal's width in columns (80 when it cannot be told).</summary>
    public int Width
    {
        get
        {
            try
            {
                return IsInteractive && System.Console.WindowWidth > 0 ? System.Console.WindowWidth : 80;
            }
            catch (IOException)
            {
                return 80;
            }
        }
    }

    // Every write survives a terminal that is gone (SIGHUP): the build must still roll back and log.
    public void Line(string markup) => SafeConsole.Write(() => Console.MarkupLine(markup));

    public void Plain(string text) => SafeConsole.Write(() => Console.WriteLine(text));

    /// <summary>Writes text as it is (control sequences included, nothing interpreted as markup).</summary>
    public void Raw(string text) => SafeConsole.Write(() =>
    {
        _writer.Write(text);
        _writer.Flush();
    });

    public static void Error(string message) => SafeConsole.WriteError($"kiln: error: {message}");

    public static void Warning(string message) => SafeConsole.WriteError($"kiln: warning: {message}");
}
