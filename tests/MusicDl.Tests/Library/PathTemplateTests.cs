using System.Text;
using MusicDl.Configuration;
using MusicDl.Library;
using MusicDl.Models;

namespace MusicDl.Tests.Library;

public class PathTemplateTests
{
    private static readonly TemplateContext Mp3 = new("mp3");

    [Fact]
    public void Default_template_renders_artist_album_number_and_title()
    {
        var path = PathTemplate.Parse("{artist}/{album}/{track-number} - {title}.{output-ext}").Render(TestTracks.Make(), Mp3);
        Assert.Equal("Rick Astley/Whenever You Need Somebody/01 - Never Gonna Give You Up.mp3", path);
    }

    [Theory]
    [InlineData("{title}", "Never Gonna Give You Up")]
    [InlineData("{artist}", "A1")]
    [InlineData("{artists}", "A1, A2")]
    [InlineData("{album}", "Whenever You Need Somebody")]
    [InlineData("{album-artist}", "A1")]
    [InlineData("{track-number}", "07")]
    [InlineData("{disc-number}", "1")]
    [InlineData("{tracks-count}", "10")]
    [InlineData("{disc-count}", "1")]
    [InlineData("{year}", "1987")]
    [InlineData("{date}", "1987-11-12")]
    [InlineData("{genre}", "dance pop")]
    [InlineData("{isrc}", "GBARL9300135")]
    [InlineData("{track-id}", "4uLU6hMCjMI75M1A2tKUQC")]
    [InlineData("{playlist}", "Road Trip")]
    [InlineData("{list-name}", "Road Trip")]
    [InlineData("{playlist-position}", "005")]
    [InlineData("{list-position}", "005")]
    [InlineData("{output-ext}", "mp3")]
    public void Each_variable_renders_its_value(string template, string expected)
    {
        var track = TestTracks.Make(trackNumber: 7) with
        {
            Artists = [new ArtistRef(null, "A1"), new ArtistRef(null, "A2")],
        };
        track = track with { Album = track.Album with { Artists = [new ArtistRef(null, "A1")] } };
        var context = new TemplateContext("mp3") { PlaylistName = "Road Trip", PlaylistPosition = 5, PlaylistLength = 120 };

        Assert.Equal(expected + ".mp3", PathTemplate.Parse(template).Render(track, context));
    }

    [Theory]
    [InlineData("{titel}", "titel")]
    [InlineData("{artist}/{albm}.{output-ext}", "albm")]
    [InlineData("{Title}", "Title")]
    public void Unknown_variable_is_a_template_error_naming_it(string template, string variable)
    {
        var error = Assert.Throws<TemplateException>(() => PathTemplate.Parse(template));
        Assert.Equal(variable, error.Variable);
        Assert.Contains("{" + variable + "}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{title")]
    [InlineData("title}")]
    [InlineData("")]
    [InlineData("/music/{title}")]
    [InlineData("C:/music/{title}")]
    [InlineData("../{title}")]
    [InlineData("{artist}/../../{title}")]
    public void Malformed_or_escaping_templates_are_rejected(string template)
    {
        Assert.Throws<TemplateException>(() => PathTemplate.Parse(template));
    }

    [Theory]
    [InlineData("AC/DC", "AC_DC")]
    [InlineData(@"back\slash", "back_slash")]
    [InlineData("a<b>c", "a_b_c")]
    [InlineData("What?", "What_")]
    [InlineData("Star*", "Star_")]
    [InlineData("Say \"hi\"", "Say _hi_")]
    [InlineData("pipe|d", "pipe_d")]
    [InlineData("Mission: Impossible", "Mission_ Impossible")]
    [InlineData("tab\there", "tab_here")]
    [InlineData("bell\u0007", "bell_")]
    public void Separators_reserved_and_control_characters_are_replaced(string title, string expected)
    {
        Assert.Equal(expected + ".mp3", Render("{title}.{output-ext}", TestTracks.Make(title: title)));
    }

    [Theory]
    [InlineData("...hidden", "hidden")]
    [InlineData("  spaced  ", "spaced")]
    [InlineData("trailing dot.", "trailing dot")]
    [InlineData(" . ", "4uLU6hMCjMI75M1A2tKUQC")]
    public void Leading_and_trailing_dots_and_spaces_are_trimmed(string title, string expected)
    {
        Assert.Equal(expected + ".mp3", Render("{title}.{output-ext}", TestTracks.Make(title: title)));
    }

    [Theory]
    [InlineData("CON", "CON_")]
    [InlineData("nul", "nul_")]
    [InlineData("COM1", "COM1_")]
    [InlineData("LPT9", "LPT9_")]
    [InlineData("AUX", "AUX_")]
    [InlineData("CONSOLE", "CONSOLE")]
    public void Windows_reserved_names_are_altered(string name, string expected)
    {
        Assert.Equal($"{expected}/{expected}.mp3", Render("{artist}/{title}.{output-ext}", TestTracks.Make(title: name, artist: name)));
    }

    [Theory]
    [InlineData("Cafe\u0301", "Café")]
    [InlineData("A\u030Angstro\u0308m", "Ångström")]
    public void Text_is_normalised_to_NFC(string title, string expected)
    {
        var path = Render("{title}.{output-ext}", TestTracks.Make(title: title));
        Assert.Equal(expected + ".mp3", path);
        Assert.True(path.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("a", 400)]
    [InlineData("é", 300)]
    [InlineData("夜", 200)]
    [InlineData("😀", 100)]
    public void Components_are_cut_to_255_bytes_on_a_character_boundary_with_room_for_suffix(string unit, int count)
    {
        var longText = string.Concat(Enumerable.Repeat(unit, count));
        var path = Render("{album}/{title}.{output-ext}", TestTracks.Make(title: longText, album: longText));
        var parts = path.Split('/');

        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 255, p));
        Assert.True(Encoding.UTF8.GetByteCount(parts[1]) + PathSanitizer.SuffixReserveBytes <= 255);
        Assert.EndsWith(".mp3", parts[1], StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', path);
        Assert.All(parts, p => Assert.Equal(p, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(p))));
        Assert.StartsWith(unit, parts[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{artist}/{album}/{track-number} - {title}.{output-ext}", "Rick Astley/Never Gonna Give You Up.mp3")]
    [InlineData("{playlist}/{artist} - {title}.{output-ext}", "Rick Astley - Never Gonna Give You Up.mp3")]
    [InlineData("{artist} - {album} - {title}.{output-ext}", "Rick Astley - Never Gonna Give You Up.mp3")]
    [InlineData("{title} - {isrc}.{output-ext}", "Never Gonna Give You Up.mp3")]
    [InlineData("{title} ({genre}).{output-ext}", "Never Gonna Give You Up.mp3")]
    [InlineData("{title} [{year}].{output-ext}", "Never Gonna Give You Up.mp3")]
    public void Empty_values_collapse_cleanly(string template, string expected)
    {
        var track = TestTracks.Make(album: string.Empty, trackNumber: 0) with { Isrc = null, Genres = [] };
        track = track with { Album = track.Album with { ReleaseDate = null } };

        var path = Render(template, track);

        Assert.Equal(expected, path);
        Assert.DoesNotContain("//", path, StringComparison.Ordinal);
        Assert.DoesNotContain(" - .", path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\Windows\\System32")]
    [InlineData("C:")]
    [InlineData("\\\\server\\share")]
    [InlineData("~/.ssh")]
    public void Rendered_paths_never_leave_the_output_folder(string hostile)
    {
        var track = TestTracks.Make(title: hostile, artist: hostile, album: hostile) with { Genres = [hostile] };
        var context = new TemplateContext("mp3") { PlaylistName = hostile, PlaylistPosition = 1 };
        var root = Path.Combine(Path.GetTempPath(), "musicdl-root");

        foreach (var template in new[] { "{artist}/{album}/{title}.{output-ext}", "{playlist}/{genre}/{title}.{output-ext}", "{title}" })
        {
            var relative = PathTemplate.Parse(template).Render(track, context);
            Assert.False(Path.IsPathRooted(relative), relative);
            Assert.DoesNotContain(relative.Split('/'), p => p is ".." or "." or "");
            Assert.DoesNotContain(':', relative);
            Assert.DoesNotContain('\\', relative);
            var full = LibraryPaths.Resolve(root, relative);
            Assert.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, full, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("../x.mp3")]
    [InlineData("a/../../x.mp3")]
    [InlineData("/etc/passwd")]
    public void Resolve_refuses_paths_outside_the_library(string relative)
    {
        Assert.Throws<InvalidOperationException>(() => LibraryPaths.Resolve(Path.GetTempPath(), relative));
    }

    [Fact]
    public void Context_for_a_format_uses_its_extension()
    {
        Assert.Equal("Never Gonna Give You Up.flac", PathTemplate.Parse("{title}.{output-ext}").Render(TestTracks.Make(), TemplateContext.For(AudioFormat.Flac)));
    }

    [Fact]
    public void Template_without_extension_variable_still_gets_the_extension()
    {
        Assert.Equal("Rick Astley - Never Gonna Give You Up.opus", PathTemplate.Parse("{artist} - {title}").Render(TestTracks.Make(), new TemplateContext("opus")));
    }

    [Theory]
    [InlineData("a/b/name.mp3", 2, "a/b/name (2).mp3")]
    [InlineData("name.mp3", 3, "name (3).mp3")]
    [InlineData("name.mp3", 1, "name.mp3")]
    public void Suffixes_go_before_the_extension(string path, int number, string expected)
    {
        Assert.Equal(expected, LibraryPaths.WithSuffix(path, number));
    }

    [Theory]
    [InlineData("/music/{artist}/{title}.{output-ext}", "/music", "{artist}/{title}.{output-ext}")]
    [InlineData("/srv/my music/Lib/{title}.{output-ext}", "/srv/my music/Lib", "{title}.{output-ext}")]
    [InlineData("/{title}.{output-ext}", "/", "{title}.{output-ext}")]
    [InlineData("C:\\Music\\{artist} - {title}", "C:\\Music", "{artist} - {title}")]
    [InlineData("C:/{title}", "C:/", "{title}")]
    [InlineData("{artist}/{title}", null, "{artist}/{title}")]
    public void Absolute_output_splits_into_library_folder_and_template(string output, string? root, string template)
    {
        Assert.Equal((root, template), PathTemplate.SplitLibraryRoot(output));
    }

    [Fact]
    public void Absolute_template_error_points_to_output_dir()
    {
        var error = Assert.Throws<TemplateException>(() => PathTemplate.Parse("/music/{title}"));
        Assert.Contains("output_dir", error.Message, StringComparison.Ordinal);
    }

    private static string Render(string template, Track track) => PathTemplate.Parse(template).Render(track, Mp3);
}
