using MusicDl.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MusicDl.Configuration;

/// <summary>
/// Reads one config text: settings so far, where each came from, and the node to blame for each error, so every
/// message carries file, line and column. One instance per parse.
/// </summary>
internal sealed class ConfigFileReader(string file, ConfigPaths paths)
{
    private static readonly (string Name, ConfigListKind Kind, SourceKind[] Expected)[] Lists =
    [
        ("songs", ConfigListKind.Songs, [SourceKind.Track]),
        ("albums", ConfigListKind.Albums, [SourceKind.Album]),
        ("playlists", ConfigListKind.Playlists, [SourceKind.Playlist, SourceKind.LikedSongs]),
        ("artists", ConfigListKind.Artists, [SourceKind.Artist]),
    ];

    private static readonly string[] TopLevelKeys = ["version", "download", "overrides", "overrides_file", .. Lists.Select(l => l.Name)];

    private readonly Dictionary<string, ConfigNode> _nodes = new(StringComparer.Ordinal);
    private readonly List<ConfigSource> _sources = [];
    private readonly List<string> _warnings = [];
    private readonly List<string> _notes = [];

    public MusicDlSettings Settings { get; private set; } = new();

    public Dictionary<string, SettingOrigin> Origins { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<ConfigSource> Sources => _sources;

    public IReadOnlyList<string> Warnings => _warnings;

    public IReadOnlyList<string> Notes => _notes;

    public string? Version { get; private set; }

    public void Read(string yaml)
    {
        var root = Load(yaml);
        var document = root is null ? null : new ConfigNode(file, "config", root, _warnings);
        if (document is null || document.IsNull)
        {
            return;
        }

        foreach (var (keyNode, valueNode) in document.Mapping("a map of settings (version, download, songs, ...)").Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var value = new ConfigNode(file, key, valueNode, _warnings);
            var list = Lists.FirstOrDefault(l => l.Name == key);
            if (list.Name is not null)
            {
                ReadList(value, list.Kind, list.Expected);
            }
            else if (key == "download")
            {
                ReadDownload(value);
            }
            else if (key == "overrides")
            {
                ReadOverrides(value);
            }
            else if (key == "overrides_file")
            {
                ReadOverridesFile(value);
            }
            else if (key == "version")
            {
                ReadVersion(value);
            }
            else
            {
                var hint = ConfigKeys.Find(key) is not null
                    ? "; it belongs under download:"
                    : KeySuggestion.For(key, TopLevelKeys);
                Warn(keyNode, $"unknown key '{key}' (ignored){hint}");
            }
        }

        ResolveAbsoluteOutput();
        ExpandHomes();
        foreach (var (key, node) in _nodes)
        {
            if (SettingsValidator.ValidateKey(key, Settings) is { } problem)
            {
                throw node.Error(problem);
            }
        }
    }

    private YamlNode? Load(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            CheckDepth(yaml);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ConfigException(file, (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser throws this for some unclosed flow collections, without a position.
            throw new ConfigException($"{file}: not valid YAML (an unclosed '[' or '{{'?)");
        }

        if (stream.Documents.Count > 1)
        {
            throw new ConfigException($"{file}: holds {stream.Documents.Count} YAML documents; a config is one");
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>The deepest nesting of mappings and sequences a config or overrides file may have.</summary>
    internal const int MaxDepth = 64;

    /// <summary>
    /// Walks the parser's events (no recursion) before the document is built: building a node tree thousands of levels
    /// deep would overflow the stack, which no handler catches.
    /// </summary>
    private void CheckDepth(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart:
                    if (++depth > MaxDepth)
                    {
                        throw new ConfigException(file, (int)parser.Current.Start.Line, (int)parser.Current.Start.Column, $"nested deeper than {MaxDepth} levels");
                    }

                    break;
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    depth--;
                    break;
            }
        }
    }

    private void ReadVersion(ConfigNode node)
    {
        Version = node.IsNull ? null : node.Scalar("a version such as \"1.2\"");
        if (Version is not null && Version.Split('.')[0] != "1")
        {
            Warn(node.Node, $"version '{Version}' is not one musicdl knows (1.x); reading it as 1.x");
        }
    }

    private void ReadDownload(ConfigNode node)
    {
        if (node.IsNull)
        {
            return;
        }

        YamlScalarNode? firstPlanFlag = null;
        foreach (var (keyNode, valueNode) in node.Mapping("a map of download settings").Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var key = ConfigKeys.Find(name);
            if (key is null)
            {
                Warn(keyNode, $"unknown key '{name}' under download: (ignored){KeySuggestion.For(name, ConfigKeys.Names)}");
                continue;
            }

            var value = node.Child(name, valueNode);
            if (_nodes.TryGetValue(key.Name, out var earlier))
            {
                Warn(keyNode, $"'{name}' repeats '{earlier.Key}' (line {earlier.Line}); this later value wins");
            }

            if (key.WithoutEffect)
            {
                firstPlanFlag ??= keyNode as YamlScalarNode;
            }

            if (value.IsNull)
            {
                continue;
            }

            Settings = key.Read(Settings, value);
            if (!key.WithoutEffect)
            {
                _nodes[key.Name] = value;
                Origins[key.Name] = FromFile(value);
            }
        }

        if (firstPlanFlag is not null)
        {
            _notes.Add($"{file}:{firstPlanFlag.Start.Line}: the original app's plan_* keys are accepted and have no effect in musicdl");
        }
    }

    private void ReadList(ConfigNode node, ConfigListKind kind, SourceKind[] expected)
    {
        if (node.IsNull)
        {
            return;
        }

        var items = node.Sequence("a list of '- name: url' entries").Children;
        for (var i = 0; i < items.Count; i++)
        {
            var item = node.Child($"[{i}]", items[i]);
            var (name, urlNode) = item.Node switch
            {
                YamlMappingNode { Children.Count: 1 } map => (
                    (map.Children.Keys.First() as YamlScalarNode)?.Value ?? string.Empty,
                    item.At(map.Children.Values.First())),
                YamlScalarNode => (null, item),
                _ => throw item.Error("expected one '- name: url' entry (a map with a single key) or a URL"),
            };

            var url = urlNode.String() ?? throw urlNode.Error("has no URL");
            if (!SpotifyUrlParser.TryParse(url, out var source, out var reason))
            {
                throw urlNode.Error($"'{url.Trim()}' {reason}; {SourceParseException.Accepted}");
            }

            if (source!.Kind != SourceKind.ShortLink && !expected.Contains(source.Kind))
            {
                Warn(urlNode.Node, $"'{name ?? url}' in {node.Key} is {Describe(source.Kind)} link; it is downloaded as one");
            }

            _sources.Add(new ConfigSource(kind, name ?? url, source, urlNode.Line));
        }
    }

    /// <summary>
    /// Reads a file of the review loop's shape: a top-level <c>overrides:</c> map and nothing else (an empty
    /// file or a null map is no override).
    /// </summary>
    public void ReadOverridesOnly(string yaml)
    {
        var root = Load(yaml);
        var document = root is null ? null : new ConfigNode(file, "overrides file", root, _warnings);
        if (document is null || document.IsNull)
        {
            return;
        }

        foreach (var (keyNode, valueNode) in document.Mapping("a map with one key, overrides:").Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (key != "overrides")
            {
                throw document.At(keyNode).Error($"unknown key '{key}'; an overrides file holds only overrides:");
            }

            ReadOverrides(new ConfigNode(file, key, valueNode, _warnings));
        }
    }

    // A relative overrides_file sits beside the config file that names it.
    private void ReadOverridesFile(ConfigNode node)
    {
        if (node.IsNull || node.String() is not { } path)
        {
            return;
        }

        path = paths.ExpandHome(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        Settings = Settings with { OverridesFile = Path.IsPathRooted(path) || folder is null ? path : Path.Combine(folder, path) };
        Origins["overrides_file"] = FromFile(node);
    }

    private void ReadOverrides(ConfigNode node)
    {
        if (node.IsNull)
        {
            return;
        }

        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in node.Mapping("a map of 'spotify track: video id or skip'").Children)
        {
            var trackNode = node.At(keyNode);
            var track = trackNode.Parse(t => SettingValues.ParseOverrideTrack(t));
            var targetNode = node.Child(track, valueNode);
            var target = targetNode.Parse(t => SettingValues.ParseOverrideTarget(t));
            if (!overrides.TryAdd(track, target))
            {
                Warn(keyNode, $"track {track} is overridden twice; this later value wins");
                overrides[track] = target;
            }
        }

        Settings = Settings with { Overrides = overrides };
        _nodes["overrides"] = node;
        Origins["overrides"] = FromFile(node);
    }

    private void ResolveAbsoluteOutput()
    {
        if (!_nodes.TryGetValue("output", out var outputNode))
        {
            return;
        }

        var output = paths.ExpandHome(Settings.Output);
        if (!AbsoluteOutput.IsAbsolute(output))
        {
            return;
        }

        if (_nodes.ContainsKey("output_dir"))
        {
            throw outputNode.Error("is absolute while output_dir is set; give output relative to output_dir");
        }

        var (directory, template) = outputNode.Located(() => AbsoluteOutput.Split(output));
        Settings = Settings with { OutputDir = directory, Output = template };
        _nodes["output_dir"] = outputNode;
        Origins["output_dir"] = Origins["output"];
        _notes.Add($"{outputNode.Location}: absolute output: library folder '{directory}', template '{template}'");
    }

    private void ExpandHomes()
    {
        Settings = Settings with
        {
            OutputDir = paths.ExpandHome(Settings.OutputDir),
            CacheFile = Settings.CacheFile is null ? null : paths.ExpandHome(Settings.CacheFile),
            FfmpegPath = Settings.FfmpegPath is null ? null : paths.ExpandHome(Settings.FfmpegPath),
            YtDlpPath = Settings.YtDlpPath is null ? null : paths.ExpandHome(Settings.YtDlpPath),
            YtDlpCookies = Settings.YtDlpCookies is null ? null : paths.ExpandHome(Settings.YtDlpCookies),
        };
    }

    private static SettingOrigin FromFile(ConfigNode node) =>
        new(SettingOriginKind.File, node.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private void Warn(YamlNode node, string message) => _warnings.Add($"{file}:{node.Start.Line}:{node.Start.Column}: {message}");

    private static string Describe(SourceKind kind) => kind switch
    {
        SourceKind.LikedSongs => "Liked Songs",
        SourceKind.Artist => "an artist",
        SourceKind.Album => "an album",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };
}
