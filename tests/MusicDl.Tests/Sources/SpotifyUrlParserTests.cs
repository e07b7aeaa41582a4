using MusicDl.Models;

namespace MusicDl.Tests.Sources;

public sealed class SpotifyUrlParserTests
{
    private const string Id = "4iV5W9uYEdYUVa79Axb7Rh";

    public static TheoryData<string, SourceKind, string?> Accepted => new()
    {
        { $"https://open.spotify.com/track/{Id}", SourceKind.Track, Id },
        { $"https://open.spotify.com/track/{Id}?si=0a1b2c3d4e5f6a7b", SourceKind.Track, Id },
        { $"https://open.spotify.com/intl-de/track/{Id}?si=abc&utm_source=copy-link", SourceKind.Track, Id },
        { $"https://open.spotify.com/intl-pt-br/album/{Id}", SourceKind.Album, Id },
        { $"http://open.spotify.com/album/{Id}/", SourceKind.Album, Id },
        { $"open.spotify.com/playlist/{Id}", SourceKind.Playlist, Id },
        { $"  https://open.spotify.com/artist/{Id}#fragment  ", SourceKind.Artist, Id },
        { $"https://OPEN.SPOTIFY.COM/Playlist/{Id}", SourceKind.Playlist, Id },
        { $"https://open.spotify.com/embed/track/{Id}", SourceKind.Track, Id },
        { $"https://open.spotify.com/user/someone/playlist/{Id}", SourceKind.Playlist, Id },
        { $"spotify:track:{Id}", SourceKind.Track, Id },
        { $"spotify:album:{Id}", SourceKind.Album, Id },
        { $"spotify:playlist:{Id}", SourceKind.Playlist, Id },
        { $"spotify:artist:{Id}", SourceKind.Artist, Id },
        { $"spotify:user:someone:playlist:{Id}", SourceKind.Playlist, Id },
        { "https://open.spotify.com/collection/tracks", SourceKind.LikedSongs, null },
        { "https://open.spotify.com/intl-fr/collection/tracks?si=x", SourceKind.LikedSongs, null },
        { "spotify:collection:tracks", SourceKind.LikedSongs, null },
        { "spotify:user:someone:collection", SourceKind.LikedSongs, null },
        { "saved", SourceKind.LikedSongs, null },
        { "SAVED", SourceKind.LikedSongs, null },
        { "https://spotify.link/AbCdEf123", SourceKind.ShortLink, null },
        { "https://link.tospotify.com/XyZ987?si=1", SourceKind.ShortLink, null },
        { "https://open.spotify.com/s/Ab12Cd", SourceKind.ShortLink, null },
    };

    public static TheoryData<string, string> Rejected => new()
    {
        { "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube" },
        { "https://music.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube" },
        { "https://youtu.be/dQw4w9WgXcQ", "YouTube" },
        { "https://open.spotify.com/user/someone", "user page" },
        { "spotify:user:someone", "user" },
        { $"https://open.spotify.com/episode/{Id}", "podcast" },
        { $"https://open.spotify.com/show/{Id}", "podcast" },
        { $"https://open.spotify.com/trak/{Id}", "'trak'" },
        { "https://open.spotify.com/track/4iV5W9uYEdYUVa79Axb7R", "malformed id" },
        { "https://open.spotify.com/track/4iV5W9uYEdYUVa79Axb7Rh-x", "malformed id" },
        { "spotify:track:not-an-id", "malformed id" },
        { "spotify:track", "URI" },
        { $"https://open.spotify.com/track/{Id}/extra", "not a Spotify track" },
        { "https://open.spotify.com/", "not a Spotify track" },
        { $"https://example.com/track/{Id}", "host example.com" },
        { $"ftp://open.spotify.com/track/{Id}", "not a Spotify link" },
        { "https://spotify.link/", "without a link code" },
        { "savedd", "not a Spotify link" },
        { "", "empty" },
        { "   ", "empty" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Every_pasted_form_parses_to_its_kind_and_id(string argument, SourceKind kind, string? id)
    {
        var source = SpotifyUrlParser.Parse(argument);

        Assert.Equal(kind, source.Kind);
        Assert.Equal(id, source.Id);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Anything_else_is_a_one_line_error_naming_the_argument_and_the_accepted_forms(string argument, string reason)
    {
        var error = Assert.Throws<SourceParseException>(() => SpotifyUrlParser.Parse(argument));

        Assert.Contains($"'{argument.Trim()}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("open.spotify.com/track", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(argument.Trim(), error.Argument);
    }

    [Fact]
    public void Canonical_uris_parse_back_to_the_same_source()
    {
        foreach (var text in new[] { $"https://open.spotify.com/intl-de/album/{Id}?si=x", "saved", $"spotify:artist:{Id}" })
        {
            var source = SpotifyUrlParser.Parse(text);
            var again = SpotifyUrlParser.Parse(source.Uri);

            Assert.Equal((source.Kind, source.Id), (again.Kind, again.Id));
        }
    }

    [Fact]
    public void Short_links_keep_an_https_url_to_follow_and_the_original_text_for_other_kinds()
    {
        var shortLink = SpotifyUrlParser.Parse("http://spotify.link/AbCdEf123");
        var track = SpotifyUrlParser.Parse($" https://open.spotify.com/track/{Id}?si=1 ");

        Assert.Equal("https://spotify.link/AbCdEf123", shortLink.Original);
        Assert.Equal(shortLink.Original, shortLink.Uri);
        Assert.Equal($"https://open.spotify.com/track/{Id}?si=1", track.Original);
        Assert.Equal($"spotify:track:{Id}", track.Uri);
    }

    [Fact]
    public void Control_characters_and_very_long_arguments_stay_on_one_short_line()
    {
        var garbage = "https://example.com/\n" + new string('x', 5000);

        var error = Assert.Throws<SourceParseException>(() => SpotifyUrlParser.Parse(garbage));

        Assert.DoesNotContain('\n', error.Message);
        Assert.True(error.Message.Length < 600, error.Message);
    }

    [Fact]
    public void TryParse_reports_the_reason_without_throwing()
    {
        var ok = SpotifyUrlParser.TryParse("https://youtu.be/dQw4w9WgXcQ", out var source, out var reason);

        Assert.False(ok);
        Assert.Null(source);
        Assert.Contains("YouTube", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://open.spotify.com/intl-de/album/{0}?si=xyz", SourceKind.Album)]
    [InlineData("https://open.spotify.com/track/{0}/", SourceKind.Track)]
    [InlineData("https://open.spotify.com/embed/playlist/{0}", SourceKind.Playlist)]
    [InlineData("https://open.spotify.com/collection/tracks", SourceKind.LikedSongs)]
    public void A_short_link_landing_on_open_spotify_names_its_source_and_keeps_the_link_given(string landed, SourceKind kind)
    {
        var source = SpotifyUrlParser.TryParseOpenLink(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, landed, Id)), "https://spotify.link/abc");

        Assert.NotNull(source);
        Assert.Equal(kind, source.Kind);
        Assert.Equal(kind == SourceKind.LikedSongs ? null : Id, source.Id);
        Assert.Equal("https://spotify.link/abc", source.Original);
    }

    [Theory]
    [InlineData("https://open.spotify.com/s/Ab12Cd")]
    [InlineData("https://open.spotify.com/episode/4iV5W9uYEdYUVa79Axb7Rh")]
    [InlineData("https://open.spotify.com/")]
    [InlineData("https://example.com/track/4iV5W9uYEdYUVa79Axb7Rh")]
    public void An_address_that_names_no_source_is_no_landing(string landed)
    {
        Assert.Null(SpotifyUrlParser.TryParseOpenLink(new Uri(landed), "https://spotify.link/abc"));
    }

    [Fact]
    public void The_first_source_address_in_a_page_is_found()
    {
        var page = $"<html><a href=\"https://open.spotify.com/\">home</a><meta content=\"https://open.spotify.com/intl-fr/playlist/{Id}?si=1\"></html>";

        Assert.Equal(new Uri($"https://open.spotify.com/intl-fr/playlist/{Id}"), SpotifyUrlParser.FindOpenLink(page));
        Assert.Null(SpotifyUrlParser.FindOpenLink("<html>nothing here</html>"));
    }
}
