namespace Kiln.Tasks;

/// <summary>Tarjan's algorithm (iterative, so deep graphs cannot overflow the stack).</summary>
internal sealed class StronglyConnectedComponents
{
    private readonly Func<BuildTask, IEnumerable<BuildTask>> _next;
    private readonly Dictionary<BuildTask, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<BuildTask, int> _low = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<BuildTask> _onStack = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<BuildTask> _stack = new();
    private readonly List<IReadOnlyList<BuildTask>> _components = [];
    private int _counter;

    public StronglyConnectedComponents(IEnumerable<BuildTask> tasks, Func<BuildTask, IEnumerable<BuildTask>> next)
    {
        _next = next;
        foreach (var task in tasks)
        {
            if (!_index.ContainsKey(task))
            {
                Visit(task);
            }
        }
    }

    public IReadOnlyList<IReadOnlyList<BuildTask>> Components => _components;

    private void Visit(BuildTask root)
    {
        var work = new Stack<(BuildTask Task, IEnumerator<BuildTask> Next)>();
        Enter(root);
        work.Push((root, _next(root).GetEnumerator()));
        while (work.Count > 0)
        {
            var (task, next) = work.Peek();
            if (next.MoveNext())
            {
                var target = next.Current;
                if (!_index.TryGetValue(target, out var targetIndex))
                {
                    Enter(target);
                    work.Push((target, _next(target).GetEnumerator()));
                }
                else if (_onStack.Contains(target))
                {
                    _low[task] = Math.Min(_low[task], targetIndex);
                }

                continue;
            }

            work.Pop();
            next.Dispose();
            if (work.Count > 0)
            {
                var parent = work.Peek().Task;
                _low[parent] = Math.Min(_low[parent], _low[task]);
            }

            if (_low[task] == _index[task])
            {
                var component = new List<BuildTask>();
                BuildTask member;
                do
                {
                    member = _stack.Pop();
                    _onStack.Remove(member);
                    component.Add(member);
                }
                while (!ReferenceEquals(member, task));
                component.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
                _components.Add(component);
            }
        }
    }

    private void Enter(BuildTask task)
    {
        _index[task] = _low[task] = _counter++;
        _stack.Push(task);
        _onStack.Add(task);
    }
}
