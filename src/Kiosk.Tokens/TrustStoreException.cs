namespace Kiosk.Tokens;

/// <summary>A trust store file that cannot be used; the message names the file, the key and the field.</summary>
public sealed class TrustStoreException : Exception
{
    public TrustStoreException()
    {
    }

    public TrustStoreException(string message)
        : base(message)
    {
    }

    public TrustStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
