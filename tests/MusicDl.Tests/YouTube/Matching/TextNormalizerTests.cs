using MusicDl.YouTube.Matching;

namespace MusicDl.Tests.YouTube.Matching;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Beyoncé", "beyonce")]
    [InlineData("Motörhead", "motorhead")]
    [InlineData("Sigur Rós", "sigur ros")]
    [InlineData("Straße", "strasse")]
    [InlineData("Кино", "kino")]
    [InlineData("Земфира", "zemfira")]
    [InlineData("Βαγγέλης", "vaggelis")]
    [InlineData("Don't Stop", "dont stop")]
    [InlineData("AC/DC", "ac dc")]
    [InlineData("ＡＢＣ", "abc")]
    [InlineData("紅蓮華", "紅 蓮 華")]
    public void Text_is_lower_case_accent_free_and_latin_where_a_letter_mapping_exists(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("Stay (feat. Justin Bieber)", "stay")]
    [InlineData("Peaches [with Daniel Caesar]", "peaches")]
    [InlineData("Bad Habits ft. Ed Sheeran - Remix", "bad habits remix")]
    [InlineData("Blinding Lights (Official Music Video)", "blinding lights")]
    [InlineData("Moments (Lyrics) | Chill Mix 2024", "moments")]
    [InlineData("Moments (Acoustic Version)", "moments acoustic version")]
    public void Clean_titles_lose_credits_and_video_decoration_but_keep_versions(string title, string expected) =>
        Assert.Equal(expected, TextNormalizer.CleanTitle(title));

    [Fact]
    public void Joiners_are_not_words()
    {
        Assert.Equal(["simon", "garfunkel"], TextNormalizer.Words("Simon & Garfunkel"));
        Assert.Equal(["lost", "identities", "robbie", "rosen"], TextNormalizer.Words("Lost Identities x Robbie Rosen"));
    }

    [Fact]
    public void The_cache_key_is_nfkc_lower_case_trimmed_with_single_spaces()
    {
        Assert.Equal("abc - moments", TextNormalizer.CacheKey("  ＡＢＣ   -  Moments "));
        Assert.Equal(TextNormalizer.CacheKey("Lost Identities - MOMENTS"), TextNormalizer.CacheKey("lost identities -  moments"));
    }

    [Fact]
    public void Empty_text_normalises_to_empty() => Assert.Equal(string.Empty, TextNormalizer.Normalize("  "));
}
