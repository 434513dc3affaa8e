using System.Globalization;

namespace Kiln.Manifests;

/// <summary>Values as messages quote them: cut when long, so that a mistake of a megabyte makes one short line.</summary>
public static class ValueText
{
    public const int Limit = 60;

    public static string Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= Limit)
        {
            return text;
        }

        var firstLine = text.Split('\n')[0];
        return string.Create(CultureInfo.InvariantCulture, $"{firstLine[..Math.Min(Limit, firstLine.Length)]}… ({text.Length} characters)");
    }
}
