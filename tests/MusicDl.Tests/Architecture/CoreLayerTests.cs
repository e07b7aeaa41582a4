using System.Text.RegularExpressions;

namespace MusicDl.Tests.Architecture;

/// <summary>
/// The folders of MusicDl.Core depend on each other one way only, and docs/architecture.md draws exactly those
/// dependencies. A folder depends on another when its code (comments and its own namespace line aside) names
/// <c>MusicDl.Other</c>, as the team's core-layers tool counts it.
/// </summary>
public sealed partial class CoreLayerTests
{
    [Fact]
    public void No_core_folder_depends_on_a_folder_that_depends_on_it()
    {
        var deps = CoreDependencies();

        var cycles = Cycles(deps);

        Assert.True(cycles.Count == 0, "dependency cycle(s) among Core folders: " + string.Join("; ", cycles.Select(c => string.Join(", ", c))));
    }

    [Fact]
    public void The_architecture_diagram_names_the_same_dependencies_as_the_code()
    {
        var code = CoreDependencies().SelectMany(d => d.Value.Select(to => $"{d.Key} --> {to}")).Order(StringComparer.Ordinal).ToArray();
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "architecture.md"));
        var mermaid = MermaidBlock().Match(doc);
        Assert.True(mermaid.Success, "docs/architecture.md has no mermaid block");

        var drawn = MermaidEdge().Matches(mermaid.Groups[1].Value).Select(m => $"{m.Groups[1].Value} --> {m.Groups[2].Value}").Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(code, drawn);
    }

    private static SortedDictionary<string, SortedSet<string>> CoreDependencies()
    {
        var core = Path.Combine(RepositoryRoot(), "src", "MusicDl.Core");
        var folders = Directory.GetDirectories(core).Select(d => Path.GetFileName(d)).Where(f => f is not ("bin" or "obj")).ToHashSet(StringComparer.Ordinal);
        var deps = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var mine = deps[folder] = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(core, folder), "*.cs", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                text = BlockComment().Replace(text, string.Empty);
                text = LineComment().Replace(text, string.Empty);
                text = NamespaceLine().Replace(text, string.Empty);
                foreach (Match m in CoreName().Matches(text))
                {
                    if (folders.Contains(m.Groups[1].Value) && m.Groups[1].Value != folder)
                    {
                        mine.Add(m.Groups[1].Value);
                    }
                }
            }
        }

        return deps;
    }

    // Each strongly connected group of more than one folder is a cycle (Tarjan).
    private static List<List<string>> Cycles(SortedDictionary<string, SortedSet<string>> deps)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<List<string>>();

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in deps[v])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var group = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    group.Add(w);
                }
                while (w != v);

                if (group.Count > 1)
                {
                    cycles.Add(group);
                }
            }
        }

        foreach (var folder in deps.Keys)
        {
            if (!index.ContainsKey(folder))
            {
                Visit(folder);
            }
        }

        return cycles;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MusicDl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MusicDl.sln not found above the test output folder");
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"^\s*namespace [^\n]*", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"\bMusicDl\.([A-Z][A-Za-z]+)")]
    private static partial Regex CoreName();

    [GeneratedRegex(@"```mermaid\s*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();

    [GeneratedRegex(@"^\s*(\w+)\s*-->\s*(\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex MermaidEdge();
}
