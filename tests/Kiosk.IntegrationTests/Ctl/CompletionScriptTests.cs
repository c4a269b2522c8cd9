using System.Diagnostics;
using Kiosk.IntegrationTests.EndToEnd;

namespace Kiosk.IntegrationTests.Ctl;

/// <summary>
/// The real kioskctl as a process: help exits 0, and the bash completion script it prints completes
/// verbs, sub-verbs and option values in a real bash (the script calls kioskctl's [suggest] directive).
/// </summary>
public sealed class CompletionScriptTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("kioskctl-completion-").FullName;

    public CompletionScriptTests()
    {
        // kioskctl on PATH, as the package installs it; here it runs the built assembly.
        var wrapper = Path.Combine(_bin, "kioskctl");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet '{RepoPaths.CtlDll}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("token issue --help")]
    [InlineData("sim scan -h")]
    public async Task Help_RealProcess_ExitZero(string line)
    {
        var (code, stdout, stderr) = await RunAsync("kioskctl " + line);

        Assert.True(code == 0, stderr);
        Assert.Contains("Usage:\n  kioskctl", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kioskctl sta", "status")]
    [InlineData("kioskctl sim lo", "load")]
    [InlineData("kioskctl door mode --mode out", "out_of_service")]
    [InlineData("kioskctl diag --act", "--actuate")]
    [InlineData("kioskctl maintenance o", "off\non")]
    public async Task BashCompletion_PartialWord_Completes(string line, string expected)
    {
        var script = Path.Combine(_bin, "kioskctl.bash");
        var (printed, _, printErr) = await RunAsync($"kioskctl completion bash > '{script}'");
        Assert.True(printed == 0, printErr);

        var words = line.Split(' ');
        var (code, stdout, stderr) = await RunAsync(
            $"source '{script}'; COMP_LINE='{line}'; COMP_POINT={line.Length}; COMP_WORDS=({line}); COMP_CWORD={words.Length - 1}; _kioskctl_complete; printf '%s\\n' \"${{COMPREPLY[@]}}\"");

        Assert.True(code == 0, stderr);
        Assert.Equal(expected + "\n", stdout);
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    private async Task<(int Code, string Out, string Err)> RunAsync(string command)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        psi.Environment["PATH"] = _bin + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start bash");
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
