using System.Diagnostics.CodeAnalysis;
using Polly;
using Polly.Retry;

namespace MusicDl.Http;

/// <summary>
/// How a service's failed requests are tried again: the one retry mechanism of the run (Polly's retry strategy,
/// exponential back-off from <see cref="BaseDelay"/> capped at <see cref="MaxDelay"/>). Each service's
/// <see cref="ServiceEdge"/> holds its plan; a client that retries a whole operation (a media download resumed from its
/// last byte, a search with its continuation) builds its pipeline from the same plan.
/// </summary>
public sealed record RetryPlan(int MaxRetries, TimeSpan BaseDelay, TimeSpan MaxDelay, bool Jitter = false)
{
    /// <summary>One attempt, no retry.</summary>
    public static readonly RetryPlan None = new(0, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>
    /// A pipeline that tries again while <paramref name="shouldRetry"/> says so, waiting the back-off or what
    /// <paramref name="delay"/> names for an outcome (a Retry-After), at most <see cref="MaxRetries"/> times.
    /// </summary>
    // Polly asks for all of TResult's members because it validates its options object with data annotations; that
    // reflects on the options' own properties, never on T's, so nothing T needs can be trimmed away (native AOT).
    [UnconditionalSuppressMessage("Trimming", "IL2091", Justification = "Polly validates the options' properties, not T's members.")]
    public ResiliencePipeline<T> Build<T>(TimeProvider time, Func<Outcome<T>, bool> shouldRetry, Func<Outcome<T>, TimeSpan?>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(shouldRetry);
        var builder = new ResiliencePipelineBuilder<T> { TimeProvider = time };
        if (MaxRetries <= 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<T>
        {
            MaxRetryAttempts = MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = Jitter,
            Delay = BaseDelay,
            MaxDelay = MaxDelay > TimeSpan.Zero ? MaxDelay : null,
            ShouldHandle = args => ValueTask.FromResult(shouldRetry(args.Outcome)),
            DelayGenerator = delay is null ? null : args => ValueTask.FromResult(delay(args.Outcome)),
        }).Build();
    }

    /// <summary>As <see cref="Build{T}"/> for an operation without a result (retried on exceptions only).</summary>
    public ResiliencePipeline Build(TimeProvider time, Func<Exception, bool> shouldRetry, Func<TimeSpan?>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(shouldRetry);
        if (MaxRetries <= 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = time }.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = Jitter,
            Delay = BaseDelay,
            MaxDelay = MaxDelay > TimeSpan.Zero ? MaxDelay : null,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && shouldRetry(ex)),
            DelayGenerator = delay is null ? null : _ => ValueTask.FromResult(delay()),
        }).Build();
    }
}
