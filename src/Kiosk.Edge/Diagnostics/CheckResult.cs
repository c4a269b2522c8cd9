namespace Kiosk.Edge.Diagnostics;

/// <summary>
/// What a check found: a status, a detail that says what was observed (values, not adjectives), and
/// for anything but a pass a hint that tells the crew what to do about it.
/// </summary>
public sealed record CheckResult(CheckStatus Status, string Detail, string? Hint = null)
{
    public static CheckResult Pass(string detail) => new(CheckStatus.Pass, detail);

    public static CheckResult Warn(string detail, string hint) => new(CheckStatus.Warn, detail, hint);

    public static CheckResult Fail(string detail, string hint) => new(CheckStatus.Fail, detail, hint);

    /// <summary>The worse of two results (fail over warn over pass), for checks that combine findings.</summary>
    public static CheckResult Worst(IEnumerable<CheckResult> results, string passDetail)
    {
        var list = results.ToList();
        var worst = list.Where(r => r.Status != CheckStatus.Pass).MaxBy(r => r.Status);
        if (worst is null)
        {
            return Pass(passDetail);
        }

        var problems = list.Where(r => r.Status == worst.Status).ToList();
        return new CheckResult(
            worst.Status,
            string.Join("; ", problems.Select(p => p.Detail)),
            string.Join(" ", problems.Select(p => p.Hint).Where(h => h is not null).Distinct(StringComparer.Ordinal)));
    }
}
