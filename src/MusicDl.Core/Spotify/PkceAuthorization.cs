using System.Security.Cryptography;
using System.Text;

namespace MusicDl.Spotify;

/// <summary>One login attempt: the URL to open, and the verifier and state that must come back with the code.</summary>
public sealed record PkceAuthorization(Uri AuthorizeUrl, Uri RedirectUri, string State, string CodeVerifier)
{
    internal static PkceAuthorization Create(Uri authorizeEndpoint, string clientId, Uri redirectUri, IReadOnlyList<string> scopes)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(64));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var query = string.Join(
            "&",
            new[]
            {
                ("client_id", clientId),
                ("response_type", "code"),
                ("redirect_uri", redirectUri.ToString()),
                ("code_challenge_method", "S256"),
                ("code_challenge", challenge),
                ("scope", string.Join(' ', scopes)),
                ("state", state),
            }.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
        return new PkceAuthorization(new Uri($"{authorizeEndpoint}?{query}"), redirectUri, state, verifier);
    }

    /// <summary>Base64url without padding (RFC 7636).</summary>
    internal static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // The generated ToString would print the verifier.
    public override string ToString() => $"PkceAuthorization({AuthorizeUrl})";
}
