using System.Text;

namespace Kiln.Tasks;

/// <summary>The snake_case names of phases, as script hooks and logs show them (<c>package_installation</c>).</summary>
public static class PhaseNames
{
    public static string ToName(this Phase phase)
    {
        var text = phase.ToString();
        var builder = new StringBuilder();
        foreach (var character in text)
        {
            if (char.IsUpper(character) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(character));
        }

        return builder.ToString();
    }

    public static Phase? Parse(string name) =>
        Enum.GetValues<Phase>().Cast<Phase?>().FirstOrDefault(phase => phase!.Value.ToName() == name);
}
