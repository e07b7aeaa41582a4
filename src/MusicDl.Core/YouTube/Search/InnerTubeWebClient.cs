namespace MusicDl.YouTube.Search;

/// <summary>The web client identity an InnerTube search is made as.</summary>
internal sealed record InnerTubeWebClient(string ClientName, int MajorVersion, string Origin)
{
    public static InnerTubeWebClient WebRemix { get; } = new("WEB_REMIX", 1, "https://music.youtube.com");

    public static InnerTubeWebClient Web { get; } = new("WEB", 2, "https://www.youtube.com");
}
