namespace MusicDl.Tests.Caching;

/// <summary>One redis-server shared by the tests of a class; each test uses its own keys.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
