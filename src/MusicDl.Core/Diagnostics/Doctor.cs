using MusicDl.Configuration;
using MusicDl.Output;

namespace MusicDl.Diagnostics;

/// <summary>
/// <c>musicdl doctor</c>: checks the tools, the services, the library and the cache a download needs. Never hangs:
/// every check runs at once, makes one attempt (no retries) and is cut at <see cref="MusicDlSettings.RequestTimeout"/>,
/// so the whole report takes about one request timeout at worst.
/// </summary>
public sealed class Doctor
{
    private readonly MusicDlSettings _settings;
    private readonly DoctorContext _context;

    public Doctor(MusicDlSettings settings, DoctorContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        _settings = settings;
        _context = context;
    }

    public async Task<DoctorReport> RunAsync(CancellationToken cancellationToken)
    {
        using var http = ServiceChecks.CreateHttpClient(_settings.RequestTimeout, _context.Handler, _context.TimeProvider);
        var probes = new List<DoctorProbe>();
        probes.AddRange(ToolChecks.Probes(_settings, _context));
        probes.AddRange(ServiceChecks.Probes(_settings, _context, http));
        probes.AddRange(ServiceChecks.OtherProbes(_settings, _context, http));
        probes.AddRange(LocalChecks.Probes(_settings, _context));
        var checks = await Task.WhenAll(probes.Select(p => RunBoundedAsync(p, cancellationToken))).ConfigureAwait(false);
        return new DoctorReport(checks);
    }

    private async Task<DoctorCheck> RunBoundedAsync(DoctorProbe probe, CancellationToken cancellationToken)
    {
        var timeout = _settings.RequestTimeout;
        using var deadline = new CancellationTokenSource(timeout, _context.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            // Off the caller's thread, and given up on at the deadline even when the check itself ignores the token
            // (a Redis connect, a SQLite integrity check of a large file).
            return await Task.Run(() => probe.Run(linked.Token), linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return probe.Failed($"no answer within {Seconds(timeout)} (request_timeout)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return probe.Failed(Describe(ex));
        }
    }

    internal static string Seconds(TimeSpan span) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");

    /// <summary>The innermost message is the one that names the cause (connection refused, name not known).</summary>
    internal static string Describe(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner.Message.TrimEnd('.');
    }
}
