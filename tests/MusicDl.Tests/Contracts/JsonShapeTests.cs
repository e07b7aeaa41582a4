using System.Text.Json;
using K = System.Text.Json.JsonValueKind;

namespace MusicDl.Tests.Contracts;

/// <summary>The shape check itself can fail: a missing path, a wrong kind, an empty list or a mixed list without the value.</summary>
public sealed class JsonShapeTests
{
    private static readonly JsonShape Shape = new JsonShape("test")
        .Every("id", K.String)
        .Every("items[].n", K.Number)
        .Some("items[].tag", K.String);

    [Fact]
    public void A_document_with_every_path_holds_the_shape()
    {
        Assert.Empty(Violations("""{"id":"a","items":[{"n":1,"tag":"x"},{"n":2}]}"""));
    }

    [Theory]
    [InlineData("""{"items":[{"n":1,"tag":"x"}]}""", "$.id: missing")]
    [InlineData("""{"id":1,"items":[{"n":1,"tag":"x"}]}""", "$.id: Number")]
    [InlineData("""{"id":"a","items":[{"n":1,"tag":"x"},{"n":"2"}]}""", "$.items[1].n: String")]
    [InlineData("""{"id":"a","items":[]}""", "items[].n: nothing there")]
    [InlineData("""{"id":"a","items":[{"n":1},{"n":2,"tag":3}]}""", "items[].tag: no String anywhere")]
    public void A_document_missing_a_path_or_with_another_kind_breaks_it(string json, string expected)
    {
        Assert.Contains(Violations(json), v => v.StartsWith(expected, StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Violations(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Shape.Violations(doc.RootElement);
    }
}
