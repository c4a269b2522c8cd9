using Kiosk.Edge.Configuration;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics;

/// <summary>
/// Runs checks concurrently, each bounded by <see cref="DiagnosticsOptions.CheckTimeout"/>: a hung
/// check is reported as a fail "timed out" and never holds up the run; a check that throws is a
/// fail naming the exception, so a broken check is visible rather than hidden.
/// </summary>
internal sealed class DiagnosticsRunner
{
    private readonly IReadOnlyList<DiagnosticCheck> _checks;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly string _kiosk;

    public DiagnosticsRunner(IEnumerable<DiagnosticCheck> checks, IOptions<DiagnosticsOptions> options, IOptions<KioskOptions> kiosk, TimeProvider time)
        : this(checks, options.Value.CheckTimeout, kiosk.Value.Id, time)
    {
    }

    internal DiagnosticsRunner(IEnumerable<DiagnosticCheck> checks, TimeSpan timeout, string kiosk, TimeProvider time)
    {
        _checks = [.. checks];
        var duplicate = _checks.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two diagnostic checks are named '{duplicate.Key}'.");
        }

        _timeout = timeout;
        _kiosk = kiosk;
        _time = time;
    }

    /// <summary>Every registered check's name, in registration order.</summary>
    public IReadOnlyList<string> Names => [.. _checks.Select(c => c.Name)];

    /// <summary>The named checks (all when <paramref name="names"/> is null or empty); false with the unknown names otherwise.</summary>
    public bool TrySelect(IReadOnlyCollection<string>? names, out IReadOnlyList<DiagnosticCheck> selected, out IReadOnlyList<string> unknown)
    {
        if (names is null || names.Count == 0)
        {
            selected = _checks;
            unknown = [];
            return true;
        }

        var wanted = new HashSet<string>(names, StringComparer.Ordinal);
        unknown = [.. wanted.Where(n => !_checks.Any(c => c.Name == n)).Order(StringComparer.Ordinal)];
        selected = [.. _checks.Where(c => wanted.Contains(c.Name))];
        return unknown.Count == 0;
    }

    public Task<DiagnosticReport> RunAsync(CancellationToken cancellationToken) => RunAsync(_checks, cancellationToken);

    public async Task<DiagnosticReport> RunAsync(IReadOnlyList<DiagnosticCheck> checks, CancellationToken cancellationToken)
    {
        var ts = _time.GetUtcNow();
        // Every timeout timer is created before this method first awaits, so a test's fake clock can time them out.
        var runs = checks.Select(c => RunOneAsync(c, cancellationToken)).ToArray();
        var outcomes = await Task.WhenAll(runs).ConfigureAwait(false);
        return new DiagnosticReport(ts, _kiosk, outcomes);
    }

    private async Task<CheckOutcome> RunOneAsync(DiagnosticCheck check, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timeout = Task.Delay(_timeout, _time, stop.Token);
        var work = Start(check, stop.Token);
        var first = await Task.WhenAny(work, timeout).ConfigureAwait(false);
        CheckResult result;
        if (first == work)
        {
            result = await CompletedResultAsync(check, work, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            cancellationToken.ThrowIfCancellationRequested();
            result = CheckResult.Fail(
                $"timed out after {_timeout.TotalSeconds:0.#} s",
                $"the '{check.Name}' check did not answer: the device or service it asks is hanging; run it alone (kioskctl diag --checks {check.Name}) and look at the service log");
        }

        await stop.CancelAsync().ConfigureAwait(false);
        return new CheckOutcome(check.Name, check.Category, result, _time.GetElapsedTime(started));
    }

    /// <summary>
    /// Starts a check on the caller's thread (checks are asynchronous; one whose system call may block,
    /// such as statvfs on a hung mount, moves that call to the thread pool itself).
    /// </summary>
    private static Task<CheckResult> Start(DiagnosticCheck check, CancellationToken cancellationToken)
    {
        try
        {
            return check.RunAsync(cancellationToken).AsTask();
        }
#pragma warning disable CA1031 // Reported as the check's fail by CompletedResultAsync.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromException<CheckResult>(e);
        }
    }

    private static async Task<CheckResult> CompletedResultAsync(DiagnosticCheck check, Task<CheckResult> work, CancellationToken cancellationToken)
    {
        try
        {
            return await work.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A faulty check becomes a visible fail in the report, not a broken run.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return CheckResult.Fail(
                $"the check itself failed: {e.GetType().Name}: {e.Message}",
                $"a fault in the '{check.Name}' check: report it with this output");
        }
    }
}
