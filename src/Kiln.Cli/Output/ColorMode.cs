namespace Kiln.Cli.Output;

/// <summary><c>--color</c>: colors on a terminal unless NO_COLOR is set (auto), always, or never.</summary>
public enum ColorMode
{
    Auto,
    Always,
    Never,
}
