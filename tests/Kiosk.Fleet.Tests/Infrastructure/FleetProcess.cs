using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kiosk.IntegrationTests.Infrastructure;

namespace Kiosk.Fleet.Tests.Infrastructure;

/// <summary>The real <c>kiosk-fleet</c> as a child process (for <c>kill -9</c>): Development settings plus the test's.</summary>
public sealed class FleetProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private FleetProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<FleetProcess> StartAsync(FleetDatabase database, int brokerPort, string root, string clientId)
    {
        var port = FreePort.Next();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = FleetUnderTest.FleetOutput };
        psi.ArgumentList.Add(Path.Combine(FleetUnderTest.FleetOutput, "kiosk-fleet.dll"));
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["Urls"] = $"http://127.0.0.1:{port}";
        psi.Environment["Fleet__Mqtt__Host"] = "127.0.0.1";
        psi.Environment["Fleet__Mqtt__Port"] = brokerPort.ToString(CultureInfo.InvariantCulture);
        psi.Environment["Fleet__Mqtt__TlsEnabled"] = "false";
        psi.Environment["Fleet__Mqtt__TopicRoot"] = root;
        psi.Environment["Fleet__Mqtt__SharedGroup"] = root;
        psi.Environment["Fleet__Mqtt__ClientId"] = clientId;
        psi.Environment["Fleet__Mqtt__ReconnectBaseDelay"] = "00:00:00.200";
        psi.Environment["Fleet__Simulator__Enabled"] = "false";
        foreach (var (key, value) in database.Settings())
        {
            psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start kiosk-fleet");
        var fleet = new FleetProcess(process, port);
        process.OutputDataReceived += (_, e) => fleet.Append(e.Data);
        process.ErrorDataReceived += (_, e) => fleet.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await Eventually.TrueAsync(() =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"kiosk-fleet exited {process.ExitCode}: {fleet.Output}");
            }

            try
            {
                return http.GetAsync("/healthz").Result.IsSuccessStatusCode;
            }
            catch (AggregateException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(90), "kiosk-fleet healthy");
        return fleet;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.AppendLine(line);
            }
        }
    }
}
