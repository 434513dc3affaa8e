using Kiln.Tasks;
using Newtonsoft.Json.Linq;

namespace Kiln.Builds;

/// <summary>A plan as JSON: every task with its position, name, phase and description.</summary>
public static class PlanJson
{
    public static JArray Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new JArray(plan.Steps.Select(step => new JObject
        {
            ["position"] = step.Position,
            ["name"] = step.Task.Name,
            ["phase"] = step.Phase.ToName(),
            ["description"] = step.Task.Description,
        }));
    }
}
