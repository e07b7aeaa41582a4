using MusicDl.Models;

namespace MusicDl.Tests.Models;

public sealed class VideoIdTests
{
    [Theory]
    [InlineData("dQw4w9WgXcQ")]
    [InlineData("a_b-c_d-e_f")]
    public void An_id_of_eleven_letters_digits_underscores_and_dashes_is_valid_and_makes_its_watch_url(string id)
    {
        var videoId = VideoId.Require(id);

        Assert.Equal(id, videoId.Value);
        Assert.Equal($"https://www.youtube.com/watch?v={id}", videoId.WatchUrl);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("dQw4w9WgXc")]
    [InlineData("dQw4w9WgXcQQ")]
    [InlineData("dQw4w9WgX&Q")]
    [InlineData("dQw4w9WgX Q")]
    public void Anything_else_is_refused_naming_what_was_given(string? id)
    {
        Assert.Null(VideoId.TryParse(id));
        var error = Assert.Throws<ArgumentException>(() => VideoId.Require(id));
        Assert.Contains($"'{id}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_watch_url_on_another_base_keeps_that_base_without_a_doubled_slash()
    {
        var videoId = VideoId.Require("dQw4w9WgXcQ");

        Assert.Equal("http://127.0.0.1:5000/watch?v=dQw4w9WgXcQ", videoId.WatchUrlOn(new Uri("http://127.0.0.1:5000/")));
        Assert.Equal("http://127.0.0.1:5000/yt/watch?v=dQw4w9WgXcQ", videoId.WatchUrlOn(new Uri("http://127.0.0.1:5000/yt")));
    }

    [Fact]
    public void A_stored_id_makes_its_watch_url_and_none_makes_none()
    {
        Assert.Equal("https://www.youtube.com/watch?v=dQw4w9WgXcQ", VideoId.WatchUrlOf("dQw4w9WgXcQ"));
        Assert.Null(VideoId.WatchUrlOf(null));
    }
}
