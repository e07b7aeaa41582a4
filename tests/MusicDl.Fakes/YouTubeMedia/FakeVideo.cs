namespace MusicDl.Fakes.YouTubeMedia;

/// <summary>A video of the fake: its default answer, per-client answers and the audio itags it offers.</summary>
public sealed class FakeVideo(string id)
{
    private readonly Dictionary<string, FakePlayerBehaviour> _perClient = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long> _announcedLengths = [];

    public string Id { get; } = id;

    public FakePlayerBehaviour Behaviour { get; set; } = FakePlayerBehaviour.Playable;

    /// <summary>Audio itags offered, in answer order (251 webm/Opus; 140, 141 m4a/AAC).</summary>
    public IReadOnlyList<int> Itags { get; private set; } = [251, 140];

    /// <summary>Also offer a DRC duplicate of each audio format, as recent answers do.</summary>
    public bool WithDrcDuplicates { get; set; }

    /// <summary>Answer this way to the client whose clientName is <paramref name="clientName"/> (e.g. "ANDROID_VR").</summary>
    public FakeVideo ForClient(string clientName, FakePlayerBehaviour behaviour)
    {
        _perClient[clientName] = behaviour;
        return this;
    }

    public FakeVideo Offering(params int[] itags)
    {
        Itags = itags;
        return this;
    }

    /// <summary>Announce another contentLength than the file has (to test length verification).</summary>
    public FakeVideo AnnouncingLength(int itag, long length)
    {
        _announcedLengths[itag] = length;
        return this;
    }

    public FakePlayerBehaviour BehaviourFor(string clientName) =>
        _perClient.TryGetValue(clientName, out var b) ? b : Behaviour;

    public long? AnnouncedLength(int itag) => _announcedLengths.TryGetValue(itag, out var l) ? l : null;

    /// <summary>A pre-roll ad played before this video (overrides <see cref="FakeYouTubeMedia.PreRollOnEveryVideo"/>).</summary>
    public FakePreRoll? PreRoll { get; set; }

    public FakeVideo WithPreRoll(TimeSpan length, FakeAdShape shape = FakeAdShape.Placement)
    {
        PreRoll = new FakePreRoll(length, shape);
        return this;
    }
}
