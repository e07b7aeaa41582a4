using System.Text.RegularExpressions;

namespace MusicDl.Tests.Architecture;

/// <summary>
/// One outbound edge: HttpClients are built in one place (Http/OutboundHttp.cs) and every request leaves through a
/// ServiceEdge (Http/ServiceEdge.cs), which paces, retries, keeps the health record and translates failures.
/// </summary>
public sealed partial class OutboundEdgeTests
{
    [Fact]
    public void Only_the_outbound_factory_builds_an_http_client() =>
        Assert.Equal(["MusicDl.Core/Http/OutboundHttp.cs"], SourcesMatching(HttpClientBuilt()));

    [Fact]
    public void Only_the_service_edge_sends_a_request() =>
        Assert.Equal(["MusicDl.Core/Http/ServiceEdge.cs"], SourcesMatching(RequestSent()));

    private static string[] SourcesMatching(Regex pattern)
    {
        var src = Path.Combine(CoreLayerTests.RepositoryRoot(), "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => pattern.IsMatch(Comments().Replace(File.ReadAllText(f), string.Empty)))
            .Select(f => Path.GetRelativePath(src, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    [GeneratedRegex(@"new\s+HttpClient\s*\(")]
    private static partial Regex HttpClientBuilt();

    // A call on an HttpClient (by its usual names here) that sends a request.
    [GeneratedRegex(@"\b_?http\s*\.\s*(SendAsync|GetAsync|PostAsync|PutAsync|DeleteAsync|GetStringAsync|GetByteArrayAsync|GetStreamAsync)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex RequestSent();

    [GeneratedRegex(@"/\*.*?\*/|//[^\n]*", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
