using System.Net;
using MusicDl.Http;

namespace MusicDl.Spotify;

/// <summary>
/// One source cannot be read (403, 404, login needed): rejected; the run goes on with the other sources.
/// The message says why and what helps.
/// </summary>
public sealed class SpotifySourceException : SpotifyException
{
    public SpotifySourceException(string message, int? status = null, Exception? inner = null)
        : base(message, ServiceFailureKind.Rejected, inner, (HttpStatusCode?)status)
    {
    }
}
