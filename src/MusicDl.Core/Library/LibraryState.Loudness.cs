using Microsoft.Data.Sqlite;
using MusicDl.Audio;
using MusicDl.Configuration;

namespace MusicDl.Library;

/// <summary>
/// Measured loudness, keyed by what makes the audio: the track, the format and the video it came from. Re-tagging,
/// moving or copying a file leaves its audio alone, so ReplayGain never measures the same audio twice.
/// </summary>
public sealed partial class LibraryState
{
    /// <summary>
    /// Marks the way values were measured in the format column: since issue 23 at 0.01 dB and from the audio as
    /// written (a lossy encode's, not its source's). Rows measured before are never read, so a re-tag measures anew.
    /// </summary>
    private const string MeasureVersion = "@2";
    public async Task<Loudness?> GetLoudnessAsync(string trackId, AudioFormat format, string? videoId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trackId);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT lufs, peak_db FROM loudness WHERE track_id=$track AND format=$format AND video_id=$video";
            AddLoudnessKey(command, trackId, format, videoId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadLoudness(reader) : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task RecordLoudnessAsync(string trackId, AudioFormat format, string? videoId, Loudness loudness, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trackId);
        ArgumentNullException.ThrowIfNull(loudness);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT INTO loudness(track_id, format, video_id, lufs, peak_db) VALUES($track, $format, $video, $lufs, $peak)
                ON CONFLICT(track_id, format, video_id) DO UPDATE SET lufs=$lufs, peak_db=$peak
                """;
            AddLoudnessKey(command, trackId, format, videoId);
            AddLoudnessValues(command, loudness);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The album loudness last computed from a run that placed every track of the album, or null.</summary>
    public async Task<Loudness?> GetAlbumLoudnessAsync(string albumId, AudioFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(albumId);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT lufs, peak_db FROM album_loudness WHERE album_id=$album AND format=$format";
            command.Parameters.AddWithValue("$album", albumId);
            command.Parameters.AddWithValue("$format", LoudnessFormat(format));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadLoudness(reader) : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task RecordAlbumLoudnessAsync(string albumId, AudioFormat format, Loudness loudness, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(albumId);
        ArgumentNullException.ThrowIfNull(loudness);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT INTO album_loudness(album_id, format, lufs, peak_db) VALUES($album, $format, $lufs, $peak)
                ON CONFLICT(album_id, format) DO UPDATE SET lufs=$lufs, peak_db=$peak
                """;
            command.Parameters.AddWithValue("$album", albumId);
            command.Parameters.AddWithValue("$format", LoudnessFormat(format));
            AddLoudnessValues(command, loudness);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static Loudness ReadLoudness(SqliteDataReader reader) =>
        new(reader.GetDouble(0), reader.IsDBNull(1) ? double.NegativeInfinity : reader.GetDouble(1));

    private static void AddLoudnessValues(SqliteCommand command, Loudness loudness)
    {
        command.Parameters.AddWithValue("$lufs", loudness.IntegratedLufs);

        // SQLite stores no infinity reliably across readers: silence's peak is kept as NULL.
        command.Parameters.AddWithValue("$peak", double.IsFinite(loudness.TruePeakDbfs) ? loudness.TruePeakDbfs : DBNull.Value);
    }

    private static void AddLoudnessKey(SqliteCommand command, string trackId, AudioFormat format, string? videoId)
    {
        command.Parameters.AddWithValue("$track", trackId);
        command.Parameters.AddWithValue("$format", LoudnessFormat(format));
        command.Parameters.AddWithValue("$video", videoId ?? string.Empty);
    }

    private static string LoudnessFormat(AudioFormat format) => format.ToString().ToLowerInvariant() + MeasureVersion;
}
