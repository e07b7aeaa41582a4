using MusicDl.Configuration;
using MusicDl.Models;
using MusicDl.YouTube.Matching;
using MusicDl.YouTube.Search;
using static MusicDl.Tests.YouTube.Matching.TestTracks;

namespace MusicDl.Tests.YouTube.Matching;

public sealed class MatchScorerTableTests
{
    private static readonly double Threshold = new MusicDlSettings().MatchThreshold;

    /// <summary>(case name, track, candidate, from ISRC search, should be accepted at the default threshold).</summary>
    public static TheoryData<string, Track, SearchCandidate, bool, bool> Cases => new()
    {
        // Plain agreement.
        { "same song, album and length", Track("Moments", "Lost Identities | Robbie Rosen", 220, "Moments"), Song("Moments", "Lost Identities | Robbie Rosen", 220, "Moments"), false, true },
        { "case and punctuation", Track("Don't Stop Me Now", "Queen", 209), Song("DONT STOP ME NOW!", "Queen", 210), false, true },
        { "accents", Track("Déjà Vu", "Beyoncé | JAY-Z", 240), Song("Deja Vu", "Beyonce | Jay-Z", 241), false, true },
        { "feat. in the Spotify title", Track("Stay (feat. Justin Bieber)", "The Kid LAROI | Justin Bieber", 141), Song("Stay", "The Kid LAROI | Justin Bieber", 142), false, true },
        { "ft. form on YouTube", Track("Stay", "The Kid LAROI | Justin Bieber", 141), Song("Stay ft. Justin Bieber", "The Kid LAROI", 141), false, true },
        { "with in brackets", Track("Peaches (with Daniel Caesar)", "Justin Bieber | Daniel Caesar", 198), Song("Peaches", "Justin Bieber", 198), false, true },
        { "ampersand and x joiners", Track("Moments", "Lost Identities | Robbie Rosen", 220), Song("Moments", "Lost Identities & Robbie Rosen", 220), false, true },
        { "remaster suffix", Track("Here Comes the Sun - Remastered 2009", "The Beatles", 185, "Abbey Road"), Song("Here Comes The Sun (2019 Mix)", "The Beatles", 186), false, true },
        { "Cyrillic on Spotify, Latin on YouTube", Track("Группа крови", "Кино", 285), Song("Gruppa krovi", "Kino", 286), false, true },
        { "Greek both ways", Track("Σ' αγαπώ", "Νίκος", 200), Song("S agapo", "Nikos", 200), false, true },
        { "Japanese as written", Track("紅蓮華", "LiSA", 239), Song("紅蓮華", "LiSA", 239), false, true },
        { "ISRC hit in another script", Track("Gurenge", "LiSA", 239, isrc: "JPU901901234"), Song("紅蓮華", "LiSA", 240), true, true },
        { "official video with decoration", Track("Blinding Lights", "The Weeknd", 200), Video("The Weeknd - Blinding Lights (Official Video)", "The Weeknd", 207), false, true },
        { "lyric video from another channel", Track("Moments", "Lost Identities | Robbie Rosen", 218), Video("Lost Identities & Robbie Rosen - Moments (Lyrics)", "Lyrics Kart", 218), false, true },
        { "Topic channel", Track("Nobody Else", "Abstrakt", 163), Video("Nobody Else", "Abstrakt - Topic", 163), false, true },
        { "VEVO channel", Track("Hello", "Adele", 295), Video("Hello", "AdeleVEVO", 300), false, true },
        { "live version requested", Track("Song 2 - Live at Wembley", "Blur", 130, "Live at Wembley"), Song("Song 2 (Live)", "Blur", 131, "Live at Wembley"), false, true },
        { "live word in a real title", Track("Live Forever", "Oasis", 276), Song("Live Forever", "Oasis", 277), false, true },
        { "remix requested", Track("Titanium - David Guetta Remix", "Sia", 240), Song("Titanium (David Guetta Remix)", "Sia", 240), false, true },

        { "a title made of a joiner word", Track("X", "Chris Brown", 241), Song("X", "Chris Brown", 241), false, true },
        { "a cover from the artist's covers album", Track("Jolene", "The White Stripes", 230, "Covers"), Song("Jolene (Cover)", "The White Stripes", 231), false, true },
        { "British and American spelling", Track("Colour", "MNEK", 200), Song("Color", "MNEK", 200), false, true },
        { "video 20 s longer", Track("Blinding Lights", "The Weeknd", 200), Video("Blinding Lights", "The Weeknd", 220), false, true },

        // The album carries an artist written in another script: album song, same album, title and length.
        { "Hebrew artist on the album song", Track("Blue", "Yoav", 215, "Blue Sun"), Song("Blue", "יואב", 215, "Blue Sun"), false, true },
        { "Cyrillic artist on the album song", Track("Kukushka", "Kino", 400, "Chorny albom"), Song("Kukushka", "Кино", 401, "Chorny albom"), false, true },
        { "Japanese artist on the album song", Track("Automatic", "Utada", 200, "First Love"), Song("Automatic", "宇多田", 201, "First Love"), false, true },
        { "Japanese full name on the album song", Track("First Love", "Hikaru Utada", 257, "First Love"), Song("First Love", "宇多田ヒカル", 257, "First Love"), false, true },

        // Rejections.
        { "Hebrew artist on another album", Track("Blue", "Yoav", 215, "Blue Sun"), Song("Blue", "יואב", 215, "Other Songs"), false, false },
        { "Hebrew artist, album agrees, length does not", Track("Blue", "Yoav", 215, "Blue Sun"), Song("Blue", "יואב", 222, "Blue Sun"), false, false },
        { "Japanese artist, album agrees, title does not", Track("Automatic", "Utada", 200, "First Love"), Song("Movin' on without you", "宇多田", 200, "First Love"), false, false },
        { "Japanese artist on a video, no album to vouch", Track("Automatic", "Utada", 200, "First Love"), Video("Automatic", "宇多田", 200), false, false },
        { "another remixer", Track("Titanium - Alesso Remix", "David Guetta | Sia", 245), Song("Titanium (David Guetta Remix)", "Sia", 245), false, false },
        { "live at another venue", Track("Song 2 - Live at Wembley", "Blur", 130, "Live at Wembley"), Song("Song 2 (Live)", "Blur", 131, "Live in Hyde Park"), false, false },
        { "title is a shorter song of the same artist", Track("Love Me Do", "The Beatles", 142), Song("Love Me", "The Beatles", 142), false, false },
        { "video 40 s longer", Track("Blinding Lights", "The Weeknd", 200), Video("Blinding Lights", "The Weeknd", 240), false, false },
        { "right title, one of two artists, no duration", Track("Moments", "Lost Identities | Robbie Rosen", 220), Video("Moments Remastered", "Robbie", 0), false, false },
        { "unrequested live", Track("Moments", "Lost Identities | Robbie Rosen", 220), Song("Moments (Live)", "Lost Identities", 221), false, false },
        { "unrequested acoustic", Track("Moments", "Lost Identities | Robbie Rosen", 220), Song("Moments (Acoustic Version)", "Lost Identities | Robbie Rosen", 169), false, false },
        { "unrequested remix", Track("Titanium", "David Guetta | Sia", 245), Song("Titanium (Alesso Remix)", "David Guetta", 245), false, false },
        { "remix requested, original offered", Track("Titanium - Alesso Remix", "David Guetta | Sia", 245), Song("Titanium", "David Guetta", 245), false, false },
        { "cover by another artist", Track("Hallelujah", "Leonard Cohen", 279), Song("Hallelujah", "Jeff Buckley", 280), false, false },
        { "cover word", Track("Creep", "Radiohead", 238), Video("Creep - Radiohead (Cover)", "Some Singer", 238), false, false },
        { "instrumental", Track("Lose Yourself", "Eminem", 326), Video("Eminem - Lose Yourself (Instrumental)", "Beats", 326), false, false },
        { "karaoke", Track("Let It Go", "Idina Menzel", 224), Video("Let It Go - Karaoke Version", "Sing King", 224), false, false },
        { "slowed and reverb", Track("Heat Waves", "Glass Animals", 238), Video("Glass Animals - Heat Waves (slowed + reverb)", "chill", 290), false, false },
        { "sped up", Track("Heat Waves", "Glass Animals", 238), Video("Heat Waves (sped up)", "Glass Animals", 190), false, false },
        { "nightcore", Track("Faded", "Alan Walker", 212), Video("Nightcore - Faded", "Nightcore Zone", 180), false, false },
        { "8D audio", Track("Faded", "Alan Walker", 212), Video("Alan Walker - Faded (8D Audio)", "8D Tunes", 212), false, false },
        { "another song of the same artist", Track("Moments", "Lost Identities | Robbie Rosen", 220), Song("Those Lost", "Moments", 248), false, false },
        { "part 2 is not part 1", Track("Another Brick in the Wall, Pt. 1", "Pink Floyd", 191), Song("Another Brick in the Wall, Pt. 2", "Pink Floyd", 239), false, false },
        { "same length, other numbers", Track("Symphony No. 5", "Orchestra", 400), Song("Symphony No. 9", "Orchestra", 400), false, false },
        { "much longer cut", Track("Strobe - Radio Edit", "deadmau5", 214), Video("deadmau5 - Strobe", "deadmau5", 637), false, false },
        { "title only shares a word", Track("Love Me Do", "The Beatles", 142), Song("Love", "The Beatles", 142), false, false },
        { "Japanese title vs romaji without ISRC", Track("Gurenge", "LiSA", 239), Song("紅蓮華", "LiSA", 240), false, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Candidates_are_accepted_or_rejected_as_a_listener_would(string name, Track track, SearchCandidate candidate, bool isrc, bool accepted)
    {
        var score = MatchScorer.Score(track, candidate, isrc);

        Assert.True(
            accepted == score.Value >= Threshold,
            $"{name}: score {score.Value:0.000} (title {score.Title:0.00}, artist {score.Artist:0.00}, duration {score.Duration:0.00}, rejection {score.Rejection ?? "none"}) vs threshold {Threshold}");
    }

    [Fact]
    public void The_table_has_at_least_thirty_cases() => Assert.True(Cases.Count >= 30);

    [Fact]
    public void A_song_scores_above_the_video_of_the_same_recording()
    {
        var track = Track("Blinding Lights", "The Weeknd", 200, "After Hours");
        var song = MatchScorer.Score(track, Song("Blinding Lights", "The Weeknd", 200, "After Hours"));
        var video = MatchScorer.Score(track, Video("Blinding Lights", "The Weeknd", 200));
        Assert.True(song.Value > video.Value, $"{song.Value} <= {video.Value}");
    }

    [Fact]
    public void A_closer_duration_scores_higher()
    {
        var track = Track("Blinding Lights", "The Weeknd", 200);
        var near = MatchScorer.Score(track, Video("Blinding Lights", "The Weeknd", 203));
        var far = MatchScorer.Score(track, Video("Blinding Lights", "The Weeknd", 225));
        Assert.True(near.Value > far.Value, $"{near.Value} <= {far.Value}");
    }

    [Fact]
    public void The_explicit_edit_loses_to_the_matching_one()
    {
        var track = Track("Stan", "Eminem", 404, @explicit: true);
        var dirty = MatchScorer.Score(track, Song("Stan", "Eminem", 404, @explicit: true));
        var clean = MatchScorer.Score(track, Song("Stan", "Eminem", 404, @explicit: false));
        Assert.True(dirty.Value > clean.Value, $"{dirty.Value} <= {clean.Value}");
    }

    [Fact]
    public void A_rejection_names_the_reason_and_scores_zero()
    {
        var score = MatchScorer.Score(Track("Faded", "Alan Walker", 212), Video("Faded (Nightcore)", "x", 180));
        Assert.Equal(0, score.Value);
        Assert.Contains("nightcore", score.Rejection, StringComparison.Ordinal);
    }
}
