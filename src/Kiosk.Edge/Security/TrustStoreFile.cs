using System.Globalization;
using Kiosk.Tokens;

namespace Kiosk.Edge.Security;

/// <summary>
/// Reads the trust store the way the service trusts it: parsed by <see cref="TrustStore.Load"/>, then refused
/// when the JSON file or a key file it names is writable by its group or by others. Whoever can write these
/// files decides who opens the doors, so only the owner (root) may (docs/install.md: 0640 root:kiosk for the
/// trust store, 0644 root:root for key files). The same rule applies at start and on every reload.
/// </summary>
internal static class TrustStoreFile
{
    private const UnixFileMode Writable = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <exception cref="TrustStoreException">Unreadable, invalid, or a file with a mode that lets others change it; the message names the file.</exception>
    public static TrustStore Load(string path)
    {
        var store = TrustStore.Load(path);
        try
        {
            foreach (var file in store.SourceFiles)
            {
                CheckMode(file);
            }
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    private static void CheckMode(string file)
    {
        UnixFileMode mode;
        try
        {
            mode = File.GetUnixFileMode(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrustStoreException($"trust store {file}: cannot read its mode ({e.Message})", e);
        }

        if ((mode & Writable) != 0)
        {
            var octal = Convert.ToString((int)mode, 8).PadLeft(4, '0');
            throw new TrustStoreException(string.Create(
                CultureInfo.InvariantCulture,
                $"trust store {file}: mode {octal} lets its group or others change which keys are trusted; only the owner may write it (sudo chmod go-w {file})"));
        }
    }
}
