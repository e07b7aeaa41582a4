namespace MusicDl.YouTube.Player;

/// <summary>Validates YouTube video ids (11 characters of A-Z a-z 0-9 _ -).</summary>
public static class VideoIds
{
    public static bool IsValid(string? id) =>
        id is { Length: 11 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    public static string Require(string? id) =>
        IsValid(id) ? id! : throw new ArgumentException($"'{id}' is not a YouTube video id (11 characters of letters, digits, '_' and '-').", nameof(id));
}
