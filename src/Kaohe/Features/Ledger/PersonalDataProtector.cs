using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Kaohe.Data;
using Microsoft.Extensions.Configuration;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Encrypts personal data at rest (ID and phone numbers: AES-256-GCM, random nonce) and derives the
/// borrower key (HMAC-SHA256 of the normalized ID number, first 8 bytes) so rows group by borrower
/// without decrypting. The master key comes from <c>Kaohe:DataKey</c> or <c>KAOHE_DATA_KEY</c>
/// (base64 of 32 bytes); otherwise a key file is generated next to the SQLite database
/// (<c>data.key</c>), which suits the embedded single-machine default only; PostgreSQL requires a configured key.
/// </summary>
public sealed class PersonalDataProtector
{
    public const string ConfigurationKey = "Kaohe:DataKey";
    public const string EnvironmentVariable = "KAOHE_DATA_KEY";
    private const int NonceSize = 12, TagSize = 16;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public PersonalDataProtector(byte[] masterKey)
    {
        if (masterKey.Length < 32) throw new ArgumentException("数据密钥至少 32 字节", nameof(masterKey));
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "kaohe-aes-gcm"u8.ToArray());
        _hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "kaohe-borrower-key"u8.ToArray());
    }

    public PersonalDataProtector(IConfiguration config, DatabaseTarget target) : this(LoadKey(config, target)) { }

    public byte[] Encrypt(string plain)
    {
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[NonceSize + data.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length));
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

    private static byte[] LoadKey(IConfiguration config, DatabaseTarget target)
    {
        var text = config[ConfigurationKey] ?? config[EnvironmentVariable] ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(text)) return Convert.FromBase64String(text.Trim());
        // A shared server must not invent a key per host or working folder: data encrypted by one host would be
        // unreadable on another. Only the embedded single-file database keeps a generated key beside itself.
        if (target.SqliteFilePath is not { } db)
            throw new InvalidOperationException($"使用 PostgreSQL 时必须配置数据密钥：设置环境变量 {EnvironmentVariable}（32 字节的 Base64）或配置项 {ConfigurationKey}");
        var folder = Path.GetDirectoryName(db)!;
        var file = Path.Combine(folder, "data.key");
        if (File.Exists(file)) return Convert.FromBase64String(File.ReadAllText(file).Trim());
        Directory.CreateDirectory(folder);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(file, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
