using System.Runtime.InteropServices;
using MusicDl.FakeServer;

// Hosts the fakes for bench/scenario.sh and scripts/try-offline.sh (--demo) until SIGINT/SIGTERM. Prints one line per setting the script needs,
// then "ready", on stdout.
ServerOptions options;
try
{
    options = ServerOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"musicdl-fakeserver: {ex.Message}");
    return 2;
}

using var stop = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var world = await ScenarioWorld.StartAsync(options, stop.Token);
if (options.BlackHole is { } dead)
{
    var hole = new MusicDl.Fakes.FakeFault { BlackHole = true };
    switch (dead)
    {
        case "search": world.Music.Route.Fail(hole); break;
        case "player": world.Media.PlayerRoute.Fail(hole); break;
        case "media": world.Media.MediaRoute.Fail(hole); break;
        case "covers": world.Spotify.ImageRoute.Fail(hole); break;
        case "optional":
            world.Lrclib.GetRoute.Fail(hole);
            world.Lrclib.SearchRoute.Fail(hole);
            world.MusicBrainz.IsrcRoute.Fail(hole);
            world.MusicBrainz.ReleaseGroupRoute.Fail(hole);
            break;
        default:
            foreach (var template in new[] { "/v1/playlists/{id}", "/v1/playlists/{id}/items", "/v1/tracks/{id}", "/v1/albums/{id}" })
            {
                world.Spotify.Route("GET", template).Fail(hole);
            }

            break;
    }
}

var baseUrl = world.Host.BaseUri.AbsoluteUri.TrimEnd('/');
Console.WriteLine($"MUSICDL_SPOTIFY_API_URL={world.Spotify.ApiBase.AbsoluteUri.TrimEnd('/')}");
Console.WriteLine($"MUSICDL_SPOTIFY_ACCOUNTS_URL={world.Spotify.AccountsBase.AbsoluteUri.TrimEnd('/')}");
Console.WriteLine($"MUSICDL_YTMUSIC_URL={baseUrl}");
Console.WriteLine($"MUSICDL_YOUTUBE_URL={baseUrl}");
Console.WriteLine($"MUSICDL_LRCLIB_URL={baseUrl}");
Console.WriteLine($"MUSICDL_MUSICBRAINZ_URL={baseUrl}");
Console.WriteLine($"MUSICDL_SPOTIFY_OPEN_URL={baseUrl}");
Console.WriteLine($"SPOTIFY_CLIENT_ID={world.Spotify.ClientId}");
Console.WriteLine($"SPOTIFY_CLIENT_SECRET={world.Spotify.ClientSecret}");
Console.WriteLine($"BENCH_COUNTERS_URL={baseUrl}{ScenarioWorld.CountersPath}");
Console.WriteLine($"BENCH_PLAYLIST_URL=https://open.spotify.com/playlist/{world.Playlist.Id}");
Console.WriteLine($"PLAYLIST_URL=https://open.spotify.com/playlist/{world.Playlist.Id}");
Console.WriteLine("ready");
Console.Out.Flush();

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
