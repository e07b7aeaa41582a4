using MusicDl.Configuration;

namespace MusicDl.Tests.Configuration;

public sealed class SpotifyCredentialsTests
{
    [Fact]
    public void Missing_credentials_name_both_ways_to_supply_them()
    {
        var problem = SpotifyCredentials.Problem(new MusicDlSettings(), hasUserLogin: false, "/etc/musicdl.yaml");

        Assert.NotNull(problem);
        Assert.Contains("client_id and client_secret under download: in the config file (/etc/musicdl.yaml)", problem, StringComparison.Ordinal);
        Assert.Contains("SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void After_auth_login_the_client_id_alone_suffices()
    {
        Assert.Null(SpotifyCredentials.Problem(new MusicDlSettings { ClientId = "id" }, hasUserLogin: true));
        Assert.NotNull(SpotifyCredentials.Problem(new MusicDlSettings { ClientId = "id" }, hasUserLogin: false));
    }

    [Fact]
    public void The_seed_placeholders_count_as_missing()
    {
        var settings = new MusicDlSettings { ClientId = "your-spotify-client-id", ClientSecret = "your-spotify-client-secret" };

        Assert.Contains("(client_id, client_secret)", SpotifyCredentials.Problem(settings, hasUserLogin: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_credentials_are_no_problem_and_never_echoed()
    {
        Assert.Null(SpotifyCredentials.Problem(new MusicDlSettings { ClientId = "id", ClientSecret = "secret" }, hasUserLogin: false));
        Assert.DoesNotContain("hunter2", SpotifyCredentials.Problem(new MusicDlSettings { ClientSecret = "hunter2" }, hasUserLogin: false), StringComparison.Ordinal);
    }
}
