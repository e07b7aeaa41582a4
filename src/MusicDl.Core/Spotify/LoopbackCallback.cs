using System.Net;
using System.Text;
using System.Web;
using MusicDl.Http;

namespace MusicDl.Spotify;

/// <summary>Reads the authorization code from a redirect: the loopback listener's request, or a URL pasted back.</summary>
internal static class LoopbackCallback
{
    /// <summary>
    /// Waits for the browser's redirect to <see cref="PkceAuthorization.RedirectUri"/> and answers it with a short page.
    /// With <paramref name="complete"/> the code is exchanged before the page is written, so the page says whether the
    /// login really worked rather than only that a code arrived.
    /// </summary>
    public static async Task<string> WaitForCodeAsync(
        PkceAuthorization authorization, CancellationToken cancellationToken, Func<string, CancellationToken, Task>? complete = null)
    {
        var redirect = authorization.RedirectUri;
        using var listener = new HttpListener();
        listener.Prefixes.Add($"{redirect.Scheme}://{redirect.Host}:{redirect.Port}{redirect.AbsolutePath.TrimEnd('/')}/");
        try
        {
            listener.Start();
        }
        catch (HttpListenerException ex)
        {
            throw SpotifyFailure.Unauthorized($"Cannot listen on {redirect} ({ex.Message}); set auth_redirect_port to a free port, or paste the redirected URL instead.", ex);
        }

        await using var stop = cancellationToken.Register(listener.Stop).ConfigureAwait(false);
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                throw new OperationCanceledException("The login was cancelled.", ex, cancellationToken);
            }

            string? code = null;
            ServiceException? failure = null;
            try
            {
                code = ReadCode(authorization, context.Request.Url!);
            }
            catch (ServiceException ex)
            {
                failure = ex;
            }

            if (code is not null && complete is not null)
            {
                try
                {
                    await complete(code, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await AnswerAsync(context, 502, $"musicdl could not log in: {ex.Message}", cancellationToken).ConfigureAwait(false);
                    throw;
                }
            }

            // Browsers also ask for /favicon.ico and the like: answer, and keep waiting for the real redirect.
            var isCallback = context.Request.Url!.AbsolutePath.TrimEnd('/') == redirect.AbsolutePath.TrimEnd('/');
            var page = code is not null
                ? "musicdl is logged in to Spotify. You can close this tab."
                : $"musicdl could not log in: {failure?.Message}";
            await AnswerAsync(context, code is not null ? 200 : isCallback ? 400 : 404, page, cancellationToken).ConfigureAwait(false);
            if (code is not null)
            {
                return code;
            }

            if (isCallback && failure is not null)
            {
                throw failure;
            }
        }
    }

    private static async Task AnswerAsync(HttpListenerContext context, int status, string page, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes($"<!doctype html><meta charset=utf-8><title>musicdl</title><p>{WebUtility.HtmlEncode(page)}</p>");
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.OutputStream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        context.Response.Close();
    }

    /// <summary>The code from a redirect URL, after checking its state; Spotify's <c>error</c> becomes a clear failure.</summary>
    public static string ReadCode(PkceAuthorization authorization, Uri redirected)
    {
        var query = HttpUtility.ParseQueryString(redirected.Query);
        if (query["error"] is { } error)
        {
            throw SpotifyFailure.Unauthorized($"Spotify did not grant the login ({error}).");
        }

        if (query["state"] != authorization.State)
        {
            throw SpotifyFailure.Unauthorized("The redirect does not belong to this login attempt (state differs); start `musicdl auth login` again.");
        }

        var code = query["code"];
        return string.IsNullOrEmpty(code)
            ? throw SpotifyFailure.Unauthorized("The redirect carries no authorization code; paste the whole address the browser was sent to.")
            : code;
    }
}
