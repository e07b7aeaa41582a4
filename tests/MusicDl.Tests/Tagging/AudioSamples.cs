using MusicDl.Configuration;

namespace MusicDl.Tests.Tagging;

/// <summary>One untagged 1-second file per format and a small JPEG cover, made by ffmpeg once per test run.</summary>
public sealed class AudioSamples : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "musicdl-samples-" + Guid.NewGuid().ToString("N"));

    public AudioSamples()
    {
        Directory.CreateDirectory(_folder);
        CoverPath = Path.Combine(_folder, "cover.jpg");
        MediaTools.Ffmpeg("-f", "lavfi", "-i", "color=c=red:s=32x32", "-frames:v", "1", CoverPath);
        Cover = File.ReadAllBytes(CoverPath);
    }

    public byte[] Cover { get; }

    public string CoverPath { get; }

    public static IEnumerable<AudioFormat> Formats => Enum.GetValues<AudioFormat>();

    /// <summary>A fresh copy of the sample of <paramref name="format"/> at <paramref name="destination"/>.</summary>
    public void CopyTo(AudioFormat format, string destination)
    {
        var source = SamplePath(format);
        lock (_folder)
        {
            if (!File.Exists(source))
            {
                MediaTools.Ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-vn", .. EncoderArguments(format), source]);
            }
        }

        File.Copy(source, destination, overwrite: true);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    public static string ExtensionOf(AudioFormat format) => format.ToString().ToLowerInvariant();

    private string SamplePath(AudioFormat format) => Path.Combine(_folder, "sample." + ExtensionOf(format));

    private static string[] EncoderArguments(AudioFormat format) => format switch
    {
        AudioFormat.Mp3 => ["-c:a", "libmp3lame", "-b:a", "64k"],
        AudioFormat.M4a => ["-c:a", "aac", "-b:a", "64k"],
        AudioFormat.Opus => ["-c:a", "libopus", "-b:a", "32k"],
        AudioFormat.Ogg => ["-c:a", "libvorbis", "-q:a", "1"],
        AudioFormat.Flac => ["-c:a", "flac"],
        AudioFormat.Wav => ["-c:a", "pcm_s16le"],
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
