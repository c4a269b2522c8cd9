using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Kiosk.IntegrationTests.Hardware;

/// <summary>
/// A Linux pseudo-terminal pair: the service opens <see cref="DevicePath"/> as its serial scanner
/// (a real tty, through System.IO.Ports), and the test plays the scanner on <see cref="Scanner"/>.
/// </summary>
internal sealed class PseudoTerminal : IDisposable
{
    private const int ReadWrite = 2;
    private const int NoControllingTerminal = 0x100;

    private PseudoTerminal(FileStream scanner, string devicePath)
    {
        Scanner = scanner;
        DevicePath = devicePath;
    }

    public FileStream Scanner { get; }

    public string DevicePath { get; }

    public static PseudoTerminal Open()
    {
        var fd = PosixOpenpt(ReadWrite | NoControllingTerminal);
        if (fd < 0 || Grantpt(fd) != 0 || Unlockpt(fd) != 0)
        {
            throw new IOException($"pseudo-terminal: errno {Marshal.GetLastPInvokeError()}");
        }

        var name = new byte[128];
        if (PtsnameR(fd, name, name.Length) != 0)
        {
            throw new IOException($"ptsname_r: errno {Marshal.GetLastPInvokeError()}");
        }

        var path = Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
        return new PseudoTerminal(new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.ReadWrite, 1), path);
    }

    public void Write(string text)
    {
        Scanner.Write(Encoding.ASCII.GetBytes(text));
        Scanner.Flush();
    }

    public void Dispose() => Scanner.Dispose();

    // DllImport rather than LibraryImport: the test project does not enable unsafe code for one helper.
    [DllImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    private static extern int PosixOpenpt(int flags);

    [DllImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    private static extern int Grantpt(int fd);

    [DllImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    private static extern int Unlockpt(int fd);

    [DllImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    private static extern int PtsnameR(int fd, [Out] byte[] buffer, nint length);
}
