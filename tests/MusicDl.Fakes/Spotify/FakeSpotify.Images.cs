using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace MusicDl.Fakes.Spotify;

/// <summary>
/// Album covers as i.scdn.co serves them (<c>/image/{id}</c>, a JPEG), but on this fake's own loopback host, so an
/// end-to-end run fetches and embeds a real picture. The ids keep Spotify's form: a size prefix and 40 hex digits.
/// </summary>
public sealed partial class FakeSpotify
{
    /// <summary>The JPEG every cover URL answers with (32x32, made with ffmpeg's testsrc).</summary>
    public static readonly byte[] CoverJpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAgAAAQABAAD//gAQTGF2YzU5LjM3LjEwMAD/2wBDAAgQEBMQExYWFhYWFhoYGhsbGxoaGhobGxsdHR0iIiIdHR0bGx0dICAiIiUmJSMjIiMmJigoKDAwLi44ODpFRVP/xACDAAEBAQEAAAAAAAAAAAAAAAAHBgUEAQADAQEBAAAAAAAAAAAAAAAFBgcIBAIQAAICAQMDAwMFAQAAAAAAAAIBAxEEBQASQSExwYJDIlETMjNxoWFSEQACAQIDBwQBBAMBAAAAAAACAREDBAUAEkOBg0LBwiETQTFhIiNRkXGhBhUU/8AAEQgAIAAgAwESAAISAAMSAP/aAAwDAQACEQMRAD8AgNDwjyXITTGOxTOuzatsRfhlTV/ZNN9NtGFjR4umYCjX7kX5SfayOURJttJXV8Vffikr7b8f+Z3BD5gRnU/f+l9vJm15t3XPR/2gwehWLTrrVdKog50yOqSNrlGV4TkphR5am+O7DidmSvOzMmNg45pI75X+MyC6qr4tXV9d5uo/H7vTbfZYPh4AxdtRqxH5VQGoUxDcmnEx8KF9ZZbXm3dc1O+sKGG06IW4sNWrWUtkbSBST/lwoFNuEpyYx3YcTsy0Z2JjRcPxwxR8uV8AELqqvilvR1H4/d6byXaYriGpk7u4Nj8a6hVF5nlNkP8AjK/a827rmdYjd17AqB29R0m9c6Y0lCFLULTEolxKce2R2O7DidmeXQ9TjmMoZGITGrAfCNDd8b6pPuN3XddroDmyZMOfGnidHETJeadcbF8WnxJdiV902t2lXLuBUqCGZj4c/H3kXa827rlvqYIOD1S9OozpVkOnXHqCwnUiaSFr8k00l+zXiW+Y7sOJ2Ze8aUJtM04gdpQCHhr6oxECXevBC19n03B6TrOMIMGMqqk3xGu/X9V/1trtebd1zKbuwqEYvVTSb92Xj+Bec/47sOJ2Zu9ecUGs6AuQU6SgWUzCHzplxH5NL7zG6j8fu9NoOTqcWMaZhL9V1SHp/JLeqrXm3dcxDCMFrGvUCvbVBUeRM38qYa9NQ/3ThrPHjuw4nZmNXWFmaGrTr21UKkwwMnDSFwSYJiUEvxfle+bjUfj93puC1bTJmYnziSbb7sunt/3catebd1zoGw/2a0P9MKN2ZeyGmBN+/hKpPtnvx3YcTsz5t6FTDzpAQlWI9WkaCZk9KTfhoX8ecl2ZEc8mPFGuRyFwFWlZExSVukrf37bV8bRcnIjpOIGPlET63/yJLptTtebd1y+X9wNYFAkLc+C0+P70kSzbcd2HE7MjLLH7I9YU/UqKnpkxCBLUuXWxPxDTkV9Z/9k=");

    // Spotify's prefixes for the 640, 300 and 64 px renditions of an album cover.
    private static readonly (int Size, string Prefix)[] CoverSizes =
    [
        (640, "ab67616d0000b273"),
        (300, "ab67616d00001e02"),
        (64, "ab67616d00004851"),
    ];

    /// <summary>The base of cover URLs; null means this fake's own host (which serves them).</summary>
    public Uri? ImageBase { get; set; }

    private int _truncatedCovers;

    /// <summary>
    /// The next this many cover requests answer 200 with the first half of the JPEG, Content-Length saying that is all:
    /// an image cut short but served as whole (a broken CDN copy), which a header check alone takes for a cover.
    /// </summary>
    public int TruncatedCovers
    {
        get => Volatile.Read(ref _truncatedCovers);
        set => Volatile.Write(ref _truncatedCovers, value);
    }

    /// <summary>Requests for covers.</summary>
    public FakeRoute ImageRoute => Host.Route("GET", "/image/{id}");

    /// <summary>The URL of an album's cover in one size, as the album JSON names it.</summary>
    public Uri CoverUrl(string albumId, int size)
    {
        var prefix = CoverSizes.Single(s => s.Size == size).Prefix;
        var hash = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(albumId)));
        return new Uri(ImageBase ?? Host.BaseUri, "/image/" + prefix + hash);
    }

    private IEnumerable<(int Size, Uri Url)> Covers(string albumId) => CoverSizes.Select(s => (s.Size, CoverUrl(albumId, s.Size)));

    private void RegisterImages() => Host.MapGet("/image/{id}", async (context, values) =>
    {
        var id = values["id"];
        if (id.Length != 56 || !CoverSizes.Any(s => id.StartsWith(s.Prefix, StringComparison.Ordinal)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        ReadOnlyMemory<byte> image = TakeTruncatedCover() ? CoverJpeg.AsMemory(0, CoverJpeg.Length / 2) : CoverJpeg;

        context.Response.ContentType = "image/jpeg";
        context.Response.ContentLength = image.Length;
        await context.Response.Body.WriteAsync(image, context.RequestAborted).ConfigureAwait(false);
    });

    private bool TakeTruncatedCover()
    {
        while (true)
        {
            var left = Volatile.Read(ref _truncatedCovers);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _truncatedCovers, left - 1, left) == left)
            {
                return true;
            }
        }
    }
}
