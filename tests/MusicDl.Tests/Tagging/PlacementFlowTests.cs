using MusicDl.Configuration;
using MusicDl.Library;
using MusicDl.Tagging;
using MusicDl.Tests.Library;

namespace MusicDl.Tests.Tagging;

/// <summary>The pipeline's use of the library end to end: render, claim, download under a temp name, tag, commit, re-run.</summary>
public sealed class PlacementFlowTests : LibraryTestBase, IClassFixture<AudioSamples>
{
    private const string Template = "{artist}/{album}/{track-number} - {title}.{output-ext}";
    private readonly AudioSamples _samples;

    public PlacementFlowTests(AudioSamples samples) => _samples = samples;

    [Theory]
    [InlineData(AudioFormat.Opus)]
    [InlineData(AudioFormat.M4a)]
    public async Task Tagged_file_lands_at_its_rendered_path_and_a_rerun_finds_it_present(AudioFormat format)
    {
        var track = TestTracks.NonLatin();
        var tags = TagSet.From(track, "https://music.youtube.com/watch?v=dQw4w9WgXcQ", new CoverArt(_samples.Cover, "image/jpeg"));
        string path;
        await using (var library = await OpenAsync())
        {
            path = await library.ClaimPathAsync(track.Id, PathTemplate.Parse(Template).Render(track, TemplateContext.For(format)));
            var located = await LocateAsync(library, path, Template, PlaylistA, format, track.Id);
            Assert.Equal(LocateStatus.Absent, located.Status);

            var download = await library.CreateTempFileAsync(path);
            var converted = await library.CreateTempFileAsync(path);
            await File.WriteAllTextAsync(download, "raw stream");
            _samples.CopyTo(format, converted);
            var fingerprint = await new TagWriter().WriteAsync(converted, format, tags);
            await library.CommitAsync(converted, new PlacementRequest(path, track.Id, format)
            {
                Sources = [PlaylistA],
                Template = Template,
                VideoId = "dQw4w9WgXcQ",
                TagFingerprint = fingerprint,
            });
            await library.DiscardAsync(download);
        }

        Assert.Equal($"YOASOBI/THE BOOK 一 Ελληνικά/03 - 夜に駆ける — Ёлка «ночь».{AudioSamples.ExtensionOf(format)}", path);
        Assert.Empty(TempFilesUnderRoot());
        using (var file = TagWriter.OpenFile(Path.Combine(Root, path), format))
        {
            Assert.Equal(track.Title, file.Tag.Title);
        }

        await using var rerun = await OpenAsync();
        Assert.Equal(path, await rerun.ClaimPathAsync(track.Id, PathTemplate.Parse(Template).Render(track, TemplateContext.For(format))));
        Assert.Equal(LocateStatus.Present, (await LocateAsync(rerun, path, Template, PlaylistA, format, track.Id)).Status);
        var retagger = new Retagger(new TagWriter(), rerun);
        Assert.Equal(RetagResult.Unchanged, await retagger.RetagAsync(path, track.Id, format, tags));
    }
}
