namespace Kiln.Tasks;

/// <summary>The tasks cannot be ordered: a cycle or a contradiction between phases and ordering; every problem is named.</summary>
public sealed class PlanningException(IReadOnlyList<string> problems)
    : UserInputException("the tasks cannot be ordered:\n" + string.Join('\n', problems.Select(p => "  " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
