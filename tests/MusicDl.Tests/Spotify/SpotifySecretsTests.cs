using MusicDl.Spotify;
using MusicDl.Spotify.Wire;

namespace MusicDl.Tests.Spotify;

public sealed class SpotifySecretsTests
{
    [Fact]
    public void Token_carrying_types_never_print_their_tokens()
    {
        var access = new SpotifyAccessToken("BQD-access-secret", DateTimeOffset.UnixEpoch, "scope-a");
        var saved = new SavedLogin { ClientId = "cid", RefreshToken = "AQB-refresh-secret", AccessToken = "BQD-access-secret" };
        var wire = new WireToken("BQD-access-secret", "Bearer", 3600, "AQB-refresh-secret", "scope-a");
        var pkce = new PkceAuthorization(new Uri("https://accounts.example/authorize"), new Uri("http://127.0.0.1:1/callback"), "state", "verifier-secret");

        foreach (var text in new[] { access.ToString(), saved.ToString(), wire.ToString(), pkce.ToString() })
        {
            Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        }
    }
}
