using Kiosk.Edge.Diagnostics;

namespace Kiosk.Tests.Diagnostics;

/// <summary>Answers helper programs as the test says; anything not set up is "not installed".</summary>
internal sealed class FakeProcessRunner : ProcessRunner
{
    private readonly Dictionary<string, ProcessResult> _answers = new(StringComparer.Ordinal);

    public List<(string Program, IReadOnlyList<string> Arguments)> Calls { get; } = [];

    public FakeProcessRunner Answer(string program, ProcessResult result)
    {
        _answers[program] = result;
        return this;
    }

    public override Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        Calls.Add((program, arguments));
        return Task.FromResult(_answers.GetValueOrDefault(program, ProcessResult.NotFound));
    }
}
