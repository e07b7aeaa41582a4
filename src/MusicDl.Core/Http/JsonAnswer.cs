using System.Net;

namespace MusicDl.Http;

/// <summary>
/// What <see cref="JsonServiceClient"/> got back: the value read (a success), nothing (404, "none"), or a status the
/// caller said it handles itself, with the wait its Retry-After asks for.
/// </summary>
internal readonly record struct JsonAnswer<T>(HttpStatusCode Status, T? Value, TimeSpan? RetryAfter = null);
