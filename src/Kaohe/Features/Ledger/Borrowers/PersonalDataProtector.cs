using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Kaohe.Data;
using Microsoft.Extensions.Configuration;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Encrypts personal data at rest (ID and phone numbers: AES-256-GCM, random nonce) and derives the
/// borrower key (HMAC-SHA256 of the normalized ID number, first 8 bytes) so rows group by borrower
/// without decrypting. Both keys are derived from the data key (<see cref="DataKey"/>: configured, or a key file
/// beside the SQLite database).
/// </summary>
public sealed class PersonalDataProtector
{
    public const string ConfigurationKey = DataKey.ConfigurationKey;
    public const string EnvironmentVariable = DataKey.EnvironmentVariable;
    private const int NonceSize = 12, TagSize = 16;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public PersonalDataProtector(byte[] masterKey)
    {
        _encryptionKey = DataKey.Derive(masterKey, "kaohe-aes-gcm");
        _hashKey = DataKey.Derive(masterKey, "kaohe-borrower-key");
    }

    public PersonalDataProtector(IConfiguration config, DatabaseTarget target) : this(DataKey.Load(config, target)) { }

    public byte[] Encrypt(string plain)
    {
        using var aes = new AesGcm(_encryptionKey, TagSize);
        Span<byte> nonce = stackalloc byte[NonceSize];
        RandomNumberGenerator.Fill(nonce);
        return Encrypt(aes, nonce, plain);
    }

    /// <summary>
    /// An encryptor for one thread's bulk work (an import): one AES-GCM context for all its values and
    /// random nonces drawn a thousand at a time, since setting up a context and a call to the random
    /// generator each cost about as much as encrypting an ID number. Not for use by several threads.
    /// </summary>
    public BulkEncryptor CreateBulkEncryptor() => new(new AesGcm(_encryptionKey, TagSize));

    public sealed class BulkEncryptor(AesGcm aes) : IDisposable
    {
        private readonly byte[] _nonces = new byte[NonceSize * 1024];
        private int _next = 1024;

        public byte[] Encrypt(string plain)
        {
            if (_next == 1024)
            {
                RandomNumberGenerator.Fill(_nonces);
                _next = 0;
            }
            return PersonalDataProtector.Encrypt(aes, _nonces.AsSpan(NonceSize * _next++, NonceSize), plain);
        }

        public void Dispose() => aes.Dispose();
    }

    private static byte[] Encrypt(AesGcm aes, ReadOnlySpan<byte> nonce, string plain)
    {
        var length = Encoding.UTF8.GetByteCount(plain);
        var output = new byte[NonceSize + length + TagSize];
        var data = length <= 256 ? stackalloc byte[256] : new byte[length];
        data = data[..Encoding.UTF8.GetBytes(plain, data)];
        nonce.CopyTo(output);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize, length), output.AsSpan(NonceSize + length));
        return output;
    }

    public string Decrypt(byte[] cipher)
    {
        var length = cipher.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(cipher.AsSpan(0, NonceSize), cipher.AsSpan(NonceSize, length), cipher.AsSpan(NonceSize + length), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The borrower key of an ID number (normalized: trimmed, x → X).</summary>
    public long BorrowerKey(string idNumber) => BorrowerKey(Encoding.ASCII.GetBytes(Normalize(idNumber)));

    /// <summary>The borrower key of an already normalized ASCII ID number.</summary>
    public long BorrowerKey(ReadOnlySpan<byte> normalizedId)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_hashKey, normalizedId, mac);
        return BinaryPrimitives.ReadInt64BigEndian(mac);
    }

    public static string Normalize(string idNumber) => idNumber.Trim().ToUpperInvariant();
}
