using Kiosk.Edge.Diagnostics;

namespace Kiosk.Tests.Diagnostics;

/// <summary>A check that answers what it is told, hangs, or throws.</summary>
internal sealed class FakeCheck(string name, Func<CancellationToken, Task<CheckResult>> run, string category = "test") : DiagnosticCheck
{
    public FakeCheck(string name, CheckResult result, string category = "test")
        : this(name, _ => Task.FromResult(result), category)
    {
    }

    public override string Name => name;

    public override string Category => category;

    public static FakeCheck Hanging(string name) => new(name, _ => new TaskCompletionSource<CheckResult>().Task);

    public override ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken) => new(run(cancellationToken));
}
