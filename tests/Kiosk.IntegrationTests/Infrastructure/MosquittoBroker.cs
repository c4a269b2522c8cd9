using System.Diagnostics;
using System.Text;

namespace Kiosk.IntegrationTests.Infrastructure;

/// <summary>
/// A real Mosquitto (the Debian package) on a free loopback port, with a config file written by
/// the test. <see cref="StopAsync"/> kills it (SIGKILL, like a crashed broker); start again reuses the port.
/// </summary>
public sealed class MosquittoBroker : TestBroker
{
    public const string Executable = "/usr/sbin/mosquitto";

    private readonly string _directory;
    private readonly Func<int, string> _config;
    private readonly StringBuilder _log = new();
    private readonly Lock _logGate = new();
    private Process? _process;

    /// <param name="config">The configuration for a port; default: plain MQTT, anonymous, no persistence.</param>
    public MosquittoBroker(Func<int, string>? config = null, string? directory = null)
    {
        _directory = directory ?? Directory.CreateTempSubdirectory("kiosk-mosquitto-").FullName;
        _config = config ?? PlainConfig;
        Port = FreePort.Next();
    }

    public override string Name => "mosquitto";

    public string ConfigPath => Path.Combine(_directory, "mosquitto.conf");

    public string Log
    {
        get
        {
            lock (_logGate)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Running as root, Mosquitto would switch to the mosquitto user; keep the current one so it can read the test's files.</summary>
    public static string UserLine => $"user {Environment.UserName}\n";

    public static string PlainConfig(int port) => $"""
        listener {port} 127.0.0.1
        allow_anonymous true
        persistence false
        log_dest stderr
        log_type error
        log_type warning
        {UserLine}
        """;

    public override async Task StartAsync()
    {
        await File.WriteAllTextAsync(ConfigPath, _config(Port));
        var psi = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(ConfigPath);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start mosquitto");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await FreePort.WaitListeningAsync(Port, TimeSpan.FromSeconds(15), () => process.HasExited ? $"mosquitto exited {process.ExitCode}: {Log}" : Log);
    }

    public override async Task StopAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            process.Dispose();
            _process = null;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_logGate)
            {
                _log.AppendLine(line);
            }
        }
    }
}
