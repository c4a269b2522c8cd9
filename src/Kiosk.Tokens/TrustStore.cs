using System.Globalization;
using System.Text.Json;

namespace Kiosk.Tokens;

/// <summary>
/// The issuer keys this kiosk trusts, by <c>kid</c>. Loaded from a JSON file:
/// <code>{"keys":[{"kid":"demo-1","issuer":"https://issuer.example","publicKeyFile":"demo-1.pub.pem","roles":["worker"],"notAfter":"2027-01-01T00:00:00Z"}]}</code>
/// <c>publicKeyFile</c> is relative to the JSON file; <c>publicKeyPem</c> may hold the PEM inline instead.
/// Unknown fields are errors, so a misspelt field never silently widens or narrows trust.
/// </summary>
public sealed class TrustStore : IDisposable
{
    private readonly TrustedKey[] _keys;

    private TrustStore(TrustedKey[] keys, string[] sourceFiles)
    {
        _keys = keys;
        SourceFiles = sourceFiles;
    }

    public IReadOnlyList<TrustedKey> Keys => _keys;

    /// <summary>
    /// Full paths of the files this store was read from: the JSON file, then each <c>publicKeyFile</c>
    /// (empty for a store built by <see cref="Create"/> or <see cref="Parse"/> with inline keys only).
    /// A caller can check their owners and modes, or watch them for changes.
    /// </summary>
    public IReadOnlyList<string> SourceFiles { get; }

    /// <summary>Builds a store from keys already created (tests, tools).</summary>
    /// <exception cref="TrustStoreException">Two keys share a kid.</exception>
    public static TrustStore Create(IEnumerable<TrustedKey> keys) => Create(keys, []);

    private static TrustStore Create(IEnumerable<TrustedKey> keys, string[] sourceFiles)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var array = keys.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in array)
        {
            if (!seen.Add(key.Kid))
            {
                throw new TrustStoreException($"kid '{key.Kid}' appears more than once");
            }
        }

        return new TrustStore(array, sourceFiles);
    }

    /// <summary>Loads a trust store file.</summary>
    /// <exception cref="TrustStoreException">The file is missing or invalid; the message names the file, kid and field.</exception>
    public static TrustStore Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        string json;
        try
        {
            json = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrustStoreException($"trust store {full}: cannot read the file ({e.Message})", e);
        }

        List<string> files = [full];
        return Parse(json, Path.GetDirectoryName(full)!, full, files);
    }

    /// <summary>Parses trust store JSON; <paramref name="baseDirectory"/> resolves relative <c>publicKeyFile</c> paths.</summary>
    /// <exception cref="TrustStoreException">The JSON is invalid; the message names the kid and field.</exception>
    public static TrustStore Parse(string json, string baseDirectory, string sourceName = "trust store") => Parse(json, baseDirectory, sourceName, []);

    private static TrustStore Parse(string json, string baseDirectory, string sourceName, List<string> files)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new TrustStoreException($"{sourceName}: not valid JSON ({e.Message})", e);
        }

        var keys = new List<TrustedKey>();
        try
        {
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("keys", out var array) || array.ValueKind != JsonValueKind.Array)
                {
                    throw new TrustStoreException($"{sourceName}: expected an object with a \"keys\" array");
                }

                if (array.GetArrayLength() == 0)
                {
                    throw new TrustStoreException($"{sourceName}: \"keys\" is empty; a kiosk without a trusted key can never open");
                }

                var index = 0;
                foreach (var entry in array.EnumerateArray())
                {
                    keys.Add(ParseKey(entry, $"{sourceName}: keys[{index}]", baseDirectory, files));
                    index++;
                }
            }

            return Create(keys, [.. files]);
        }
        catch (TrustStoreException e)
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }

            throw e.Message.StartsWith(sourceName, StringComparison.Ordinal) ? e : new TrustStoreException($"{sourceName}: {e.Message}", e);
        }
    }

    /// <summary>Keys whose <see cref="TrustedKey.NotAfter"/> is before <paramref name="instant"/> (for diagnostics warnings).</summary>
    public IReadOnlyList<TrustedKey> KeysExpiringBefore(DateTimeOffset instant) =>
        _keys.Where(k => k.NotAfter is { } notAfter && notAfter < instant).ToArray();

    public void Dispose()
    {
        foreach (var key in _keys)
        {
            key.Dispose();
        }
    }

    /// <summary>Finds the key whose kid equals the reader's current string token, without allocating.</summary>
    internal TrustedKey? Find(ref Utf8JsonReader reader)
    {
        // Trust stores hold a handful of keys; a linear scan beats hashing a transcoded string.
        foreach (var key in _keys)
        {
            if (reader.ValueTextEquals(key.KidUtf8))
            {
                return key;
            }
        }

        return null;
    }

    private static TrustedKey ParseKey(JsonElement entry, string where, string baseDirectory, List<string> files)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new TrustStoreException($"{where}: expected an object");
        }

        var kid = RequiredString(entry, "kid", where);
        where = $"{where} (kid '{kid}')";
        foreach (var property in entry.EnumerateObject())
        {
            if (!IsKeyField(property.Name))
            {
                throw new TrustStoreException($"{where}: unknown field \"{property.Name}\"");
            }
        }

        var issuer = RequiredString(entry, "issuer", where);
        var pem = ReadPem(entry, where, baseDirectory, files);
        var roles = new List<KioskRole>();
        if (!entry.TryGetProperty("roles", out var rolesElement) || rolesElement.ValueKind != JsonValueKind.Array || rolesElement.GetArrayLength() == 0)
        {
            throw new TrustStoreException($"{where}: roles: required, a non-empty array of worker, steward, maintenance, operator");
        }

        foreach (var role in rolesElement.EnumerateArray())
        {
            if (role.ValueKind != JsonValueKind.String || !KioskRoleExtensions.TryParse(role.GetString(), out var parsed))
            {
                throw new TrustStoreException($"{where}: roles: '{role}' is not one of worker, steward, maintenance, operator");
            }

            roles.Add(parsed);
        }

        DateTimeOffset? notAfter = null;
        if (entry.TryGetProperty("notAfter", out var notAfterElement))
        {
            if (notAfterElement.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParseExact(notAfterElement.GetString(), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                throw new TrustStoreException($"{where}: notAfter: expected an RFC 3339 timestamp such as 2027-01-01T00:00:00Z");
            }

            notAfter = parsed;
        }

        try
        {
            return TrustedKey.FromPem(kid, issuer, pem, roles, notAfter);
        }
        catch (TrustStoreException e)
        {
            throw new TrustStoreException($"{where}: {e.Message}", e);
        }
    }

    private static string ReadPem(JsonElement entry, string where, string baseDirectory, List<string> files)
    {
        var hasFile = entry.TryGetProperty("publicKeyFile", out var file);
        var hasPem = entry.TryGetProperty("publicKeyPem", out var inline);
        if (hasFile == hasPem)
        {
            throw new TrustStoreException($"{where}: exactly one of publicKeyFile or publicKeyPem is required");
        }

        if (hasPem)
        {
            return inline.ValueKind == JsonValueKind.String
                ? inline.GetString()!
                : throw new TrustStoreException($"{where}: publicKeyPem: expected a string");
        }

        if (file.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(file.GetString()))
        {
            throw new TrustStoreException($"{where}: publicKeyFile: expected a file name");
        }

        var path = Path.GetFullPath(file.GetString()!, baseDirectory);
        files.Add(path);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrustStoreException($"{where}: publicKeyFile: cannot read {path} ({e.Message})", e);
        }
    }

    private static bool IsKeyField(string name) => name is "kid" or "issuer" or "publicKeyFile" or "publicKeyPem" or "roles" or "notAfter";

    private static string RequiredString(JsonElement entry, string name, string where) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s
            ? s
            : throw new TrustStoreException($"{where}: {name}: required, a non-empty string");
}
