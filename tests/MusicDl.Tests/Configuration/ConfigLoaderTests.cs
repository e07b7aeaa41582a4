using MusicDl.Configuration;
using MusicDl.Models;
using static MusicDl.Tests.Configuration.ConfigTestData;

namespace MusicDl.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    [Fact]
    public async Task The_seed_config_loads_unchanged_with_the_documented_defaults_and_its_four_lists()
    {
        var loaded = await new ConfigLoader(Env(), isWindows: false).LoadAsync(SeedPath);
        var s = loaded.Settings;

        Assert.Empty(loaded.Warnings);
        Assert.Equal("1.2", loaded.Version);
        Assert.Equal(ConfigOrigin.CommandLine, loaded.Origin);
        Assert.Equal(("your-spotify-client-id", "your-spotify-client-secret"), (s.ClientId, s.ClientSecret));
        Assert.Equal((4, 3), (s.Threads, s.MaxRetries));
        Assert.Equal(AudioFormat.Mp3, s.Format);
        Assert.Equal(Bitrate.Fixed(128), s.Bitrate);
        Assert.Equal("{artist}/{album}/{track-number} - {title}.{output-ext}", s.Output);
        Assert.Equal(".", s.OutputDir);
        Assert.Equal(["youtube-music"], s.AudioProviders);
        Assert.Equal((1000, TimeSpan.FromHours(1)), (s.CacheMaxSize, s.CacheTtl));
        Assert.Equal((500, TimeSpan.FromDays(1)), (s.AudioSearchCacheMaxSize, s.AudioSearchCacheTtl));
        Assert.Equal((10000, TimeSpan.FromHours(1)), (s.FileExistenceCacheMaxSize, s.FileExistenceCacheTtl));
        Assert.Equal(OverwriteMode.Skip, s.Overwrite);
        Assert.Equal(3, s.SpotifyMaxRetries);
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(120)), (s.SpotifyRetryBaseDelay, s.SpotifyRetryMaxDelay));
        Assert.True(s.SpotifyRateLimitEnabled);
        Assert.Equal((10, TimeSpan.FromSeconds(1)), (s.SpotifyRateLimitRequests, s.SpotifyRateLimitWindow));

        // Ours, absent from the seed, keep their defaults.
        Assert.True(s.CachePersistent);
        Assert.Null(s.CacheFile);
        Assert.Null(s.CacheRedis);
        Assert.Equal(TimeSpan.FromHours(1), s.NegativeSearchCacheTtl);
        Assert.False(s.CreateM3u);
        Assert.Null(s.Market);
        Assert.Equal(0.70, s.MatchThreshold);
        Assert.Equal(8888, s.AuthRedirectPort);
        Assert.Equal(YouTubeClientDefaults.All, s.YouTubeClients);
        Assert.Equal(Endpoints.Default, s.Endpoints);

        Assert.Collection(
            loaded.Sources,
            e => Assert.Equal((ConfigListKind.Songs, "Some Song", SourceKind.Track, "4iV5W9uYEdYUVa79Axb7Rh", 34), (e.Kind, e.Name, e.Source.Kind, e.Source.Id, e.Line)),
            e => Assert.Equal((ConfigListKind.Albums, "Some Album", SourceKind.Album, "1DFixLWuPkv3KT3TnV35m3", 37), (e.Kind, e.Name, e.Source.Kind, e.Source.Id, e.Line)),
            e => Assert.Equal((ConfigListKind.Playlists, "My Mix", SourceKind.Playlist, "1a2B3c4D5e6F7g8H9i0JkL", 40), (e.Kind, e.Name, e.Source.Kind, e.Source.Id, e.Line)),
            e => Assert.Equal((ConfigListKind.Artists, "Some Artist", SourceKind.Artist, "0OdUWJ0sBjDrqHygGUXeCF", 43), (e.Kind, e.Name, e.Source.Kind, e.Source.Id, e.Line)));
    }

    [Fact]
    public async Task The_plan_flags_of_the_seed_give_exactly_one_informational_note()
    {
        var loaded = await new ConfigLoader(Env(), isWindows: false).LoadAsync(SeedPath);

        var note = Assert.Single(loaded.Notes);
        Assert.Contains("plan_*", note, StringComparison.Ordinal);
        Assert.StartsWith(SeedPath + ":27", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_in_the_file_replace_the_defaults_and_record_their_line()
    {
        var loaded = Parse("""
            download:
              threads: 8
              format: FLAC
              bitrate: auto
              overwrite: force
              audio_providers: youtube-music, youtube
              cache_ttl: 1.5
              market: de
              create_m3u: yes
              match_threshold: 0.8
            """);
        var s = loaded.Settings;

        Assert.Equal(8, s.Threads);
        Assert.Equal(AudioFormat.Flac, s.Format);
        Assert.Equal(Bitrate.Auto, s.Bitrate);
        Assert.Equal(OverwriteMode.Overwrite, s.Overwrite);
        Assert.Equal(["youtube-music", "youtube"], s.AudioProviders);
        Assert.Equal(TimeSpan.FromSeconds(1.5), s.CacheTtl);
        Assert.Equal("DE", s.Market);
        Assert.True(s.CreateM3u);
        Assert.Equal(0.8, s.MatchThreshold);
        Assert.Equal(new SettingOrigin(SettingOriginKind.File, "2"), loaded.OriginOf("threads"));
        Assert.Equal(SettingOrigin.Default, loaded.OriginOf("max_retries"));
    }

    [Fact]
    public void Empty_values_keep_the_defaults()
    {
        var s = Parse("download:\n  threads:\n  market: ~\n  client_id: \"\"\nsongs:\n").Settings;

        Assert.Equal(4, s.Threads);
        Assert.Null(s.Market);
        Assert.Null(s.ClientId);
    }

    [Fact]
    public void An_empty_file_gives_the_defaults()
    {
        var loaded = Parse("# nothing yet\n");

        Assert.Equal(Rendered(new MusicDlSettings()), Rendered(loaded.Settings));
        Assert.Equal(Endpoints.Default, loaded.Settings.Endpoints);
        Assert.Empty(loaded.Sources);
        Assert.Empty(loaded.Warnings);
    }

    [Fact]
    public void The_client_credentials_of_the_environment_win_over_the_file()
    {
        var env = Env(("SPOTIFY_CLIENT_ID", "env-id"), ("SPOTIFY_CLIENT_SECRET", "env-secret"));

        var loaded = Parse("download:\n  client_id: file-id\n  client_secret: file-secret\n", env);

        Assert.Equal(("env-id", "env-secret"), (loaded.Settings.ClientId, loaded.Settings.ClientSecret));
        Assert.Equal(new SettingOrigin(SettingOriginKind.Environment, "SPOTIFY_CLIENT_SECRET"), loaded.OriginOf("client_secret"));
    }

    [Fact]
    public void An_empty_environment_variable_leaves_the_file_value()
    {
        var loaded = Parse("download:\n  client_id: file-id\n", Env(("SPOTIFY_CLIENT_ID", "")));

        Assert.Equal("file-id", loaded.Settings.ClientId);
    }

    [Fact]
    public void Endpoint_variables_replace_the_defaults_and_loopback_http_is_allowed()
    {
        var env = Env(
            ("MUSICDL_SPOTIFY_API_URL", "http://127.0.0.1:5001/v1/"),
            ("MUSICDL_SPOTIFY_ACCOUNTS_URL", "http://localhost:5002"),
            ("MUSICDL_YTMUSIC_URL", "http://[::1]:5003"),
            ("MUSICDL_YOUTUBE_URL", "https://yt.example.org"));

        var endpoints = Parse(string.Empty, env).Settings.Endpoints;

        Assert.Equal(new Uri("http://127.0.0.1:5001/v1"), endpoints.SpotifyApi);
        Assert.Equal(new Uri("http://localhost:5002"), endpoints.SpotifyAccounts);
        Assert.Equal(new Uri("http://[::1]:5003"), endpoints.YouTubeMusic);
        Assert.Equal(new Uri("https://yt.example.org"), endpoints.YouTube);
    }

    [Theory]
    [InlineData("http://api.example.org/v1", "loopback")]
    [InlineData("ftp://127.0.0.1/", "not an http(s) URL")]
    [InlineData("not a url", "not an absolute URL")]
    public void A_bad_endpoint_variable_is_an_error_naming_the_variable(string value, string reason)
    {
        var error = ParseError(string.Empty, Env(("MUSICDL_SPOTIFY_API_URL", value)));

        Assert.StartsWith("MUSICDL_SPOTIFY_API_URL: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", Id3Version.V24)]
    [InlineData("download:\n  id3_version: \"2.3\"\n", Id3Version.V23)]
    [InlineData("download:\n  id3_version: 2.4\n", Id3Version.V24)]
    public void Id3_version_is_2_4_unless_2_3_is_asked_for(string yaml, Id3Version expected)
    {
        var loaded = Parse(yaml);

        Assert.Equal(expected, loaded.Settings.Id3Version);
        Assert.Empty(loaded.Warnings);
    }

    [Fact]
    public void An_unknown_id3_version_is_an_error_naming_the_choices()
    {
        var error = ParseError("download:\n  id3_version: \"2.2\"\n", Env());

        Assert.Contains("id3_version", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"2.3\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_alias_keys_set_the_file_existence_cache()
    {
        var loaded = Parse("download:\n  file_cache_max_size: 20\n  file_cache_ttl: 60\n");

        Assert.Equal(20, loaded.Settings.FileExistenceCacheMaxSize);
        Assert.Equal(TimeSpan.FromMinutes(1), loaded.Settings.FileExistenceCacheTtl);
        Assert.Empty(loaded.Warnings);
    }

    [Fact]
    public void A_key_and_its_alias_together_warn_and_the_later_wins()
    {
        var loaded = Parse("download:\n  file_existence_cache_ttl: 10\n  file_cache_ttl: 20\n");

        Assert.Equal(TimeSpan.FromSeconds(20), loaded.Settings.FileExistenceCacheTtl);
        var warning = Assert.Single(loaded.Warnings);
        Assert.StartsWith("test.yaml:3:3:", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_warn_with_their_line_and_a_suggestion()
    {
        var loaded = Parse("""
            version: "1.2"
            download:
              thread: 8
              colour: blue
            threads: 2
            song:
              - a: spotify:track:4iV5W9uYEdYUVa79Axb7Rh
            """);

        Assert.Equal(4, loaded.Settings.Threads);
        Assert.Collection(
            loaded.Warnings,
            w => Assert.Equal("test.yaml:3:3: unknown key 'thread' under download: (ignored); did you mean 'threads'?", w),
            w => Assert.Equal("test.yaml:4:3: unknown key 'colour' under download: (ignored)", w),
            w => Assert.Equal("test.yaml:5:1: unknown key 'threads' (ignored); it belongs under download:", w),
            w => Assert.Equal("test.yaml:6:1: unknown key 'song' (ignored); did you mean 'songs'?", w));
    }

    [Theory]
    [InlineData("download:\n  threads: 0\n", 2, 12, "download.threads: must be between 1 and 64 (got 0)")]
    [InlineData("download:\n  threads: 1000\n", 2, 12, "download.threads: must be between 1 and 64 (got 1000)")]
    [InlineData("download:\n  threads: four\n", 2, 12, "download.threads: expected a whole number, got 'four'")]
    [InlineData("download:\n  threads: [4]\n", 2, 12, "download.threads: expected a whole number, got a list")]
    [InlineData("download:\n  format: mp5\n", 2, 11, "download.format: unknown format 'mp5'; expected one of mp3, m4a, opus, ogg, flac, wav")]
    [InlineData("download:\n  bitrate: 9000k\n", 2, 12, "download.bitrate: bad bitrate '9000k'")]
    [InlineData("download:\n  overwrite: always\n", 2, 14, "download.overwrite: unknown overwrite mode 'always'")]
    [InlineData("download:\n  output: \"{artist}/{titel}.{output-ext}\"\n", 2, 11, "download.output: unknown template variable {titel}")]
    [InlineData("download:\n  output: \"{artist/{title}.mp3\"\n", 2, 11, "download.output: unbalanced '{' or '}' in template")]
    [InlineData("download:\n  output: \"../{title}.{output-ext}\"\n", 2, 11, "download.output: must not contain '..'")]
    [InlineData("download:\n  spotify_rate_limit_enabled: maybe\n", 2, 31, "download.spotify_rate_limit_enabled: expected true or false, got 'maybe'")]
    [InlineData("download:\n  cache_ttl: -5\n", 2, 14, "download.cache_ttl: must be between 0 and")]
    [InlineData("download:\n  cache_ttl: soon\n", 2, 14, "download.cache_ttl: expected a number of seconds, got 'soon'")]
    [InlineData("download:\n  audio_providers: [soundcloud]\n", 2, 20, "download.audio_providers: unknown audio provider 'soundcloud'")]
    [InlineData("download:\n  market: Germany\n", 2, 11, "download.market: bad market 'Germany'")]
    [InlineData("download:\n  match_threshold: 70\n", 2, 20, "download.match_threshold: must be between 0 and 1 (got 70)")]
    [InlineData("download:\n  auth_redirect_port: 70000\n", 2, 23, "download.auth_redirect_port: must be between 1 and 65535")]
    [InlineData("download: [1, 2]\n", 1, 11, "download: expected a map of download settings, got a list")]
    [InlineData("songs:\n  - \"A\": https://www.youtube.com/watch?v=dQw4w9WgXcQ\n", 2, 10, "songs[0]: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' is a YouTube link")]
    [InlineData("albums:\n  - ok: spotify:album:1DFixLWuPkv3KT3TnV35m3\n  - bad: spotify:album:123\n", 3, 10, "albums[1]: 'spotify:album:123' has a malformed id")]
    [InlineData("playlists:\n  - a: 1\n    b: 2\n", 2, 5, "playlists[0]: expected one '- name: url' entry")]
    [InlineData("artists: https://open.spotify.com/artist/0OdUWJ0sBjDrqHygGUXeCF\n", 1, 10, "artists: expected a list")]
    [InlineData("download:\n  threads: 4\n  threads: 5\n", 3, 3, "not valid YAML: Duplicate key")]
    [InlineData("download:\n  threads: \"4\n", 2, 12, "not valid YAML")]
    [InlineData("overrides:\n  notanid: dQw4w9WgXcQ\n", 2, 3, "overrides: 'notanid' is not a Spotify track id")]
    [InlineData("overrides:\n  spotify:album:1DFixLWuPkv3KT3TnV35m3: skip\n", 2, 3, "overrides: 'spotify:album:1DFixLWuPkv3KT3TnV35m3' is not a Spotify track id")]
    [InlineData("overrides:\n  4uLU6hMCjMI75M1A2tKUQC: later\n", 2, 27, "overrides.4uLU6hMCjMI75M1A2tKUQC: 'later' is not a YouTube video id")]
    [InlineData("download:\n  youtube_clients:\n    - ios_music\n", 3, 7, "download.youtube_clients[0]: unknown built-in client 'ios_music'")]
    [InlineData("download:\n  youtube_clients:\n    - name: x\n      client_name: WEB\n", 3, 7, "download.youtube_clients[0]: a client needs client_version")]
    [InlineData("download:\n  youtube_clients: []\n", 2, 20, "download.youtube_clients: needs at least one client")]
    [InlineData("download:\n  youtube_clients:\n    - visionos\n    - visionos\n", 3, 5, "download.youtube_clients: client 'visionos' is listed twice")]
    [InlineData("- threads: 4\n", 1, 1, "config: expected a map of settings")]
    public void A_bad_value_is_an_error_naming_file_line_and_column(string yaml, int line, int column, string message)
    {
        var error = ParseError(yaml);

        Assert.StartsWith($"test.yaml:{line}:{column}: {message}", error.Message, StringComparison.Ordinal);
        Assert.Equal((FileName, line, column), (error.File, error.Line, error.Column));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Several_yaml_documents_in_one_file_are_an_error()
    {
        Assert.Equal("test.yaml: holds 2 YAML documents; a config is one", ParseError("threads: 1\n---\nthreads: 2\n").Message);
    }

    [Fact]
    public void A_cross_key_problem_without_a_node_of_its_own_still_names_the_file()
    {
        var error = ParseError("download:\n  spotify_retry_base_delay: 600\n");

        Assert.Equal("test.yaml: spotify_retry_max_delay: must not be below spotify_retry_base_delay (600 s)", error.Message);
    }

    [Fact]
    public void An_absolute_output_without_output_dir_splits_into_library_folder_and_template()
    {
        var loaded = Parse("download:\n  output: \"/srv/music/Library {year}/{artist}/{title}.{output-ext}\"\n");

        Assert.Equal("/srv/music", loaded.Settings.OutputDir);
        Assert.Equal("Library {year}/{artist}/{title}.{output-ext}", loaded.Settings.Output);
        Assert.Contains(loaded.Notes, n => n.Contains("library folder '/srv/music'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_home_relative_output_expands_the_home_folder()
    {
        var loaded = Parse("download:\n  output: \"~/Music/{artist}/{title}.{output-ext}\"\n");

        Assert.Equal("/home/tester/Music", loaded.Settings.OutputDir);
        Assert.Equal("{artist}/{title}.{output-ext}", loaded.Settings.Output);
    }

    [Fact]
    public void An_absolute_output_together_with_output_dir_is_an_error()
    {
        var error = ParseError("download:\n  output_dir: /music\n  output: \"/srv/{title}.{output-ext}\"\n");

        Assert.StartsWith("test.yaml:3:11: download.output: is absolute while output_dir is set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_take_ids_uris_and_links_and_pin_to_a_video_or_skip()
    {
        var loaded = Parse("""
            overrides:
              4uLU6hMCjMI75M1A2tKUQC: dQw4w9WgXcQ
              spotify:track:4iV5W9uYEdYUVa79Axb7Rh: skip
              https://open.spotify.com/track/1DFixLWuPkv3KT3TnV35m3?si=x: https://www.youtube.com/watch?v=abcdefghijk&t=3
            """);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["4uLU6hMCjMI75M1A2tKUQC"] = "dQw4w9WgXcQ",
                ["4iV5W9uYEdYUVa79Axb7Rh"] = "skip",
                ["1DFixLWuPkv3KT3TnV35m3"] = "abcdefghijk",
            },
            loaded.Settings.Overrides);
    }

    [Fact]
    public void Youtube_clients_take_built_in_names_and_full_maps_in_order()
    {
        var loaded = Parse("""
            download:
              youtube_clients:
                - visionos
                - name: web_safari
                  client_name: WEB
                  client_version: "2.20260101.00.00"
                  client_id: 1
                  user_agent: Safari
                  colour: red
            """);

        var clients = loaded.Settings.YouTubeClients;
        Assert.Equal(2, clients.Count);
        Assert.Same(YouTubeClientDefaults.VisionOs, clients[0]);
        Assert.Equal(
            new YouTubeClientSettings { Name = "web_safari", ClientName = "WEB", ClientVersion = "2.20260101.00.00", ClientId = 1, UserAgent = "Safari" },
            clients[1]);
        Assert.Equal("test.yaml:9:7: unknown key 'colour' in download.youtube_clients[1] (ignored)", Assert.Single(loaded.Warnings));
    }

    [Fact]
    public void The_default_client_is_visionos_alone_as_yt_dlp_sends_it_in_late_2026()
    {
        var visionos = Assert.Single(new MusicDlSettings().YouTubeClients);

        Assert.Equal(
            ("VISIONOS", "1.02", 101, "Apple", "RealityDevice17,1", "visionOS", "26.5.23O471", "UTC", 0),
            (visionos.ClientName, visionos.ClientVersion, visionos.ClientId, visionos.DeviceMake, visionos.DeviceModel, visionos.OsName, visionos.OsVersion, visionos.TimeZone, visionos.UtcOffsetMinutes));
        Assert.Equal("Mozilla/5.0 (Macintosh; Intel Mac OS X 15_7_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15", visionos.UserAgent);
    }

    [Fact]
    public void Retired_clients_still_load_by_name_or_as_maps_with_a_warning_that_they_no_longer_work()
    {
        var loaded = Parse("""
            download:
              youtube_clients:
                - visionos
                - tv_embedded
                - android_vr
                - {name: my_vr, client_name: ANDROID_VR, client_version: "1.65.10"}
            """);

        Assert.Equal(["visionos", "tv_embedded", "android_vr", "my_vr"], loaded.Settings.YouTubeClients.Select(c => c.Name));
        Assert.Equal(3, loaded.Warnings.Count);
        Assert.Contains("'tv_embedded' no longer works", loaded.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("2026-01-31", loaded.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("'android_vr' no longer works", loaded.Warnings[1], StringComparison.Ordinal);
        Assert.Contains("403", loaded.Warnings[1], StringComparison.Ordinal);
        Assert.Contains("'my_vr' no longer works", loaded.Warnings[2], StringComparison.Ordinal);
        Assert.All(loaded.Warnings, w => Assert.StartsWith("test.yaml:", w, StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_map_carries_every_context_field_and_extra_headers_so_the_next_change_is_a_config_edit()
    {
        var loaded = Parse("""
            download:
              youtube_clients:
                - name: visionos_next
                  client_name: VISIONOS
                  client_version: "1.03"
                  client_id: 101
                  device_make: Apple
                  device_model: "RealityDevice18,1"
                  os_name: visionOS
                  os_version: "27.0.24A100"
                  user_agent: "Mozilla/5.0 (Macintosh) Safari/605.1.15"
                  time_zone: UTC
                  utc_offset_minutes: 0
                  context: {clientFormFactor: UNKNOWN_FORM_FACTOR, screenDensityFloat: 2}
                  headers: {X-Goog-Api-Format-Version: "2"}
            """);

        var client = Assert.Single(loaded.Settings.YouTubeClients);
        Assert.Empty(loaded.Warnings);
        Assert.Equal(("RealityDevice18,1", "27.0.24A100", "UTC", 0), (client.DeviceModel, client.OsVersion, client.TimeZone, client.UtcOffsetMinutes));
        Assert.Equal(new Dictionary<string, string> { ["clientFormFactor"] = "UNKNOWN_FORM_FACTOR", ["screenDensityFloat"] = "2" }, client.Context);
        Assert.Equal(new Dictionary<string, string> { ["X-Goog-Api-Format-Version"] = "2" }, client.Headers);
    }

    [Fact]
    public void Yt_dlp_runtimes_and_extra_arguments_are_lists()
    {
        var loaded = Parse("""
            download:
              ytdlp_js_runtimes: deno
              ytdlp_args: ["--extractor-args", "youtube:player_client=default"]
            """);

        Assert.Equal(["deno"], loaded.Settings.YtDlpJsRuntimes);
        Assert.Equal(["--extractor-args", "youtube:player_client=default"], loaded.Settings.YtDlpArgs);
        Assert.Empty(loaded.Warnings);
    }

    [Fact]
    public void A_playlists_entry_may_be_liked_songs_and_lists_accept_plain_urls()
    {
        var loaded = Parse("""
            playlists:
              - "Liked": https://open.spotify.com/collection/tracks
              - spotify:playlist:1a2B3c4D5e6F7g8H9i0JkL
            """);

        Assert.Equal(
            [(SourceKind.LikedSongs, "Liked"), (SourceKind.Playlist, "spotify:playlist:1a2B3c4D5e6F7g8H9i0JkL")],
            loaded.Sources.Select(s => (s.Source.Kind, s.Name)));
        Assert.Empty(loaded.Warnings);
    }

    [Fact]
    public void A_source_in_the_wrong_list_loads_with_a_warning()
    {
        var loaded = Parse("songs:\n  - \"Oops\": https://open.spotify.com/album/1DFixLWuPkv3KT3TnV35m3\n");

        Assert.Equal(SourceKind.Album, Assert.Single(loaded.Sources).Source.Kind);
        Assert.Equal("test.yaml:2:13: 'Oops' in songs is an album link; it is downloaded as one", Assert.Single(loaded.Warnings));
    }

    [Fact]
    public void An_unknown_version_warns_but_loads()
    {
        var loaded = Parse("version: \"2.0\"\n");

        Assert.Contains("version '2.0'", Assert.Single(loaded.Warnings), StringComparison.Ordinal);
    }

    private static string[] Rendered(MusicDlSettings settings) => ConfigKeys.All.Select(k => k.Render(settings)).ToArray();
}
