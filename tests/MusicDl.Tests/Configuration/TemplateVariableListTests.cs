using MusicDl.Configuration;

namespace MusicDl.Tests.Configuration;

public sealed class TemplateVariableListTests
{
    [Theory]
    [InlineData("{artist}/{album}/{track-number} - {title}.{output-ext}")]
    [InlineData("{album-artist}/{year} - {album}/{disc-number}-{track-number} {artists} {isrc} {track-id}.{output-ext}")]
    [InlineData("{playlist}/{playlist-position} {title} {date} {genre} {tracks-count} {disc-count}.{output-ext}")]
    [InlineData("{list-name}/{list-position} - {title}.{output-ext}")]
    [InlineData("plain.mp3")]
    public void Documented_variables_and_spotdl_aliases_are_accepted(string template)
    {
        Assert.Null(TemplateVariableList.FindProblem(template));
    }

    [Theory]
    [InlineData("{artist}/{Title}.{output-ext}", "unknown template variable {Title}")]
    [InlineData("{ext}/{foo}", "unknown template variables {ext}, {foo}")]
    [InlineData("{}", "unknown template variable {}")]
    [InlineData("{artist/{title}", "unbalanced")]
    [InlineData("{title}}", "unbalanced")]
    public void Unknown_variables_and_stray_braces_are_problems(string template, string problem)
    {
        Assert.StartsWith(problem, TemplateVariableList.FindProblem(template), StringComparison.Ordinal);
    }
}
