using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Kaohe.Data;

/// <summary>
/// The one secret kept outside the database, from which each use derives its own key (HKDF with its own label): the
/// encryption of personal data and the borrower key (<c>Features.Ledger.PersonalDataProtector</c>), and the audit
/// chain's HMAC (<see cref="AuditGuard"/>). It comes from <c>Kaohe:DataKey</c> or <c>KAOHE_DATA_KEY</c> (base64 of 32
/// bytes); otherwise a key file is generated next to the SQLite database (<c>data.key</c>), which suits the embedded
/// single-machine default only; PostgreSQL requires a configured key.
/// </summary>
public static class DataKey
{
    public const string ConfigurationKey = "Kaohe:DataKey";
    public const string EnvironmentVariable = "KAOHE_DATA_KEY";
    public const string FileName = "data.key";

    public static byte[] Load(IConfiguration config, DatabaseTarget target)
    {
        var text = config[ConfigurationKey] ?? config[EnvironmentVariable] ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(text)) return Convert.FromBase64String(text.Trim());
        // A shared server must not invent a key per host or working folder: data encrypted by one host would be
        // unreadable on another. Only the embedded single-file database keeps a generated key beside itself.
        if (target.SqliteFilePath is not { } db)
            throw new InvalidOperationException($"使用 PostgreSQL 时必须配置数据密钥：设置环境变量 {EnvironmentVariable}（32 字节的 Base64）或配置项 {ConfigurationKey}");
        var folder = Path.GetDirectoryName(db)!;
        var file = Path.Combine(folder, FileName);
        if (File.Exists(file)) return Convert.FromBase64String(File.ReadAllText(file).Trim());
        Directory.CreateDirectory(folder);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(file, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }

    /// <summary>The key for one use, derived from the master key with the use's label.</summary>
    public static byte[] Derive(byte[] masterKey, string label)
    {
        if (masterKey.Length < 32) throw new ArgumentException("数据密钥至少 32 字节", nameof(masterKey));
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: System.Text.Encoding.ASCII.GetBytes(label));
    }
}
