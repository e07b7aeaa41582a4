using System.Text.Json;

namespace MusicDl.Tests.Contracts;

/// <summary>
/// The JSON paths and value kinds a production parser relies on for one kind of answer. The same shape is checked
/// against a recorded real answer (so the shape is true of the service) and against the fake's answer (so the fake
/// says the same): a fake drifting from the real format fails here, not silently in every other test.
/// Paths are dotted property names; <c>name[]</c> steps into every element of an array.
/// </summary>
public sealed class JsonShape
{
    private readonly List<(string Path, JsonValueKind[] Kinds, bool Every)> _rules = [];

    public JsonShape(string name) => Name = name;

    public string Name { get; }

    /// <summary>Every node the path reaches must exist (an array must not be empty) and be of one of these kinds.</summary>
    public JsonShape Every(string path, params JsonValueKind[] kinds)
    {
        _rules.Add((path, kinds, true));
        return this;
    }

    /// <summary>At least one node the path reaches exists with one of these kinds (mixed lists such as search shelves).</summary>
    public JsonShape Some(string path, params JsonValueKind[] kinds)
    {
        _rules.Add((path, kinds, false));
        return this;
    }

    /// <summary>Every rule the document breaks, as readable lines; empty when it has the shape.</summary>
    public IReadOnlyList<string> Violations(JsonElement root)
    {
        var problems = new List<string>();
        foreach (var (path, kinds, every) in _rules)
        {
            var reached = Resolve(root, path);
            var matching = reached.Where(r => r.Value is { } v && kinds.Contains(v.ValueKind)).ToList();
            if (every)
            {
                if (reached.Count == 0)
                {
                    problems.Add($"{path}: nothing there (an empty array?)");
                }

                problems.AddRange(reached
                    .Where(r => r.Value is not { } v || !kinds.Contains(v.ValueKind))
                    .Select(r => $"{r.Where}: {(r.Value is { } v ? v.ValueKind.ToString() : "missing")}, expected {string.Join(" or ", kinds)}"));
            }
            else if (matching.Count == 0)
            {
                problems.Add($"{path}: no {string.Join(" or ", kinds)} anywhere");
            }
        }

        return problems;
    }

    /// <summary>Fails with every violation listed, naming what was checked.</summary>
    public void AssertHeldBy(JsonElement root, string what)
    {
        var problems = Violations(root);
        Assert.True(problems.Count == 0, $"{what} does not have the {Name} shape:\n  {string.Join("\n  ", problems)}");
    }

    private static List<(string Where, JsonElement? Value)> Resolve(JsonElement root, string path)
    {
        var nodes = new List<(string Where, JsonElement? Value)> { ("$", root) };
        foreach (var raw in path.Split('.'))
        {
            var each = raw.EndsWith("[]", StringComparison.Ordinal);
            var name = each ? raw[..^2] : raw;
            var next = new List<(string Where, JsonElement? Value)>();
            foreach (var (where, value) in nodes)
            {
                if (value is not { } node)
                {
                    next.Add((where, null));
                    continue;
                }

                JsonElement? child = node;
                var at = where;
                if (name.Length > 0)
                {
                    at = $"{where}.{name}";
                    child = node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var c) ? c : null;
                }

                if (!each)
                {
                    next.Add((at, child));
                }
                else if (child is { ValueKind: JsonValueKind.Array } array)
                {
                    next.AddRange(array.EnumerateArray().Select((e, i) => ($"{at}[{i}]", (JsonElement?)e)));
                }
                else
                {
                    next.Add((at + "[]", null));
                }
            }

            nodes = next;
        }

        return nodes;
    }
}
