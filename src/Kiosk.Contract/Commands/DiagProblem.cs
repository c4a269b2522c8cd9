namespace Kiosk.Contract.Commands;

/// <summary>A check that did not pass, in <c>diag.result</c>.</summary>
/// <param name="Name">The check's name.</param>
/// <param name="Status"><c>warn</c> or <c>fail</c>.</param>
/// <param name="Detail">What it found (shortened).</param>
public sealed record DiagProblem(
    string Name,
    string Status,
    string Detail);
