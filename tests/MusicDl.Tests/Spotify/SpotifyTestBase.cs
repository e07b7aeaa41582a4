namespace MusicDl.Tests.Spotify;

/// <summary>Starts a fresh <see cref="SpotifyTestBed"/> for each test.</summary>
public abstract class SpotifyTestBase : IAsyncLifetime
{
    protected SpotifyTestBed Bed { get; private set; } = null!;

    public async Task InitializeAsync() => Bed = await SpotifyTestBed.StartAsync();

    public async Task DisposeAsync() => await Bed.DisposeAsync();
}
