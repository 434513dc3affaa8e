using System.Text;
using Kiln.Cli.Output;

namespace Kiln.Cli.Tests.Output;

/// <summary>
/// A terminal for tests: it interprets what a terminal would (carriage return, line feed, erase line, cursor up)
/// into a screen of lines, so that a test reads what a person would see.
/// </summary>
public sealed class FakeTerminal(int width = 60, bool interactive = true) : IConsoleSurface
{
    private readonly List<StringBuilder> _lines = [new()];
    private int _row;
    private int _column;

    public bool IsInteractive => interactive;

    public bool UsesColor => false;

    public int Width => width;

    /// <summary>Every byte written, control sequences included.</summary>
    public StringBuilder Written { get; } = new();

    /// <summary>The screen now: one line per row, the cursor's row marked with a trailing <c>█</c>.</summary>
    public string Screen => string.Join('\n', _lines.Select((line, index) => index == _row ? line + "█" : line.ToString())) + "\n";

    public void Raw(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Written.Append(text);
        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (c == '\u001b' && index + 1 < text.Length && text[index + 1] == '[')
            {
                var end = index + 2;
                while (end < text.Length && !char.IsAsciiLetter(text[end]))
                {
                    end++;
                }

                Control(text[(index + 2)..end], text[end]);
                index = end;
            }
            else if (c == '\r')
            {
                _column = 0;
            }
            else if (c == '\n')
            {
                NewLine();
            }
            else
            {
                if (_column == width)
                {
                    // A terminal wraps a full line; the live lines must never do that (the golden frames would show it).
                    NewLine();
                }

                var line = _lines[_row];
                if (_column < line.Length)
                {
                    line[_column] = c;
                }
                else
                {
                    line.Append(c);
                }

                _column++;
            }
        }
    }

    private void NewLine()
    {
        _row++;
        _column = 0;
        if (_row == _lines.Count)
        {
            _lines.Add(new StringBuilder());
        }
    }

    private void Control(string parameters, char command)
    {
        switch (command)
        {
            case 'K' when parameters == "2":
                _lines[_row].Clear();
                break;
            case 'A':
                _row = Math.Max(0, _row - (parameters.Length == 0 ? 1 : int.Parse(parameters, System.Globalization.CultureInfo.InvariantCulture)));
                break;
            default:
                throw new InvalidOperationException($"the fake terminal does not know ESC[{parameters}{command}");
        }
    }
}
