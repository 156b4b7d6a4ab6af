using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Kaohe.Data;

/// <summary>The chain's last entry: its id (the chain's length, ids counting from 1) and its hash.</summary>
public sealed record AuditHead(long Id, string Hash);

/// <summary>
/// What holds the audit chain against someone who can write the database but holds nothing else: the key each entry's
/// HMAC is made with (derived from the data key, <see cref="DataKey"/>, which the database does not hold), and the
/// checkpoint of the chain's head, a file outside the database that only moves forward, so a cut tail or a rewritten
/// chain is seen. The key is read when first needed: reading a database needs none.
/// </summary>
public sealed class AuditGuard
{
    /// <summary>A folder for the checkpoint; by default it lies beside the SQLite file, or under <c>.kaohe</c> for PostgreSQL.</summary>
    public const string CheckpointFolderKey = "Kaohe:AuditCheckpointFolder";
    public const string CheckpointFolderVariable = "KAOHE_AUDIT_CHECKPOINTS";

    private static readonly Lock FileLock = new();
    private readonly Lazy<byte[]> _key, _rowKey;

    public AuditGuard(IConfiguration config, DatabaseTarget target)
    {
        var master = new Lazy<byte[]>(() => DataKey.Load(config, target));
        _key = new(() => DataKey.Derive(master.Value, "kaohe-audit-chain"));
        _rowKey = new(() => DataKey.Derive(master.Value, "kaohe-ledger-rows"));
        CheckpointPath = PathFor(config[CheckpointFolderKey] ?? config[CheckpointFolderVariable] ?? Environment.GetEnvironmentVariable(CheckpointFolderVariable), target);
    }

    public string CheckpointPath { get; }

    /// <summary>HMAC-SHA256 of the text, lower-case hex.</summary>
    public string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(text)));

    /// <summary>The key of the ledger's row digests (recorded per import, checked by `audit verify --data`).</summary>
    internal byte[] RowKey => _rowKey.Value;

    /// <summary>The last checkpoint, or null when there is none; a file that is unreadable or not signed by the key is <see cref="CheckpointState.Invalid"/>.</summary>
    public (CheckpointState State, AuditHead? Head) ReadCheckpoint()
    {
        string text;
        try
        {
            if (!File.Exists(CheckpointPath)) return (CheckpointState.Missing, null);
            text = File.ReadAllText(CheckpointPath);
        }
        catch (IOException)
        {
            return (CheckpointState.Invalid, null);
        }
        try
        {
            var file = JsonSerializer.Deserialize<CheckpointFile>(text);
            if (file is null || file.Mac != Sign(MacText(file.Id, file.Hash))) return (CheckpointState.Invalid, null);
            return (CheckpointState.Present, new AuditHead(file.Id, file.Hash));
        }
        catch (JsonException)
        {
            return (CheckpointState.Invalid, null);
        }
    }

    /// <summary>
    /// Records <paramref name="head"/> as the checkpoint once its transaction has committed, if it is further than the
    /// one recorded. Written to a temporary file and renamed over the old one, so a reader never sees half a file.
    /// </summary>
    public void Advance(AuditHead head)
    {
        lock (FileLock)
        {
            if (ReadCheckpoint() is (CheckpointState.Present, { } known) && known.Id >= head.Id) return;
            var folder = Path.GetDirectoryName(CheckpointPath)!;
            Directory.CreateDirectory(folder);
            var temporary = CheckpointPath + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(new CheckpointFile(head.Id, head.Hash, Sign(MacText(head.Id, head.Hash)))));
            File.Move(temporary, CheckpointPath, overwrite: true);
        }
    }

    private static string MacText(long id, string hash) => string.Create(CultureInfo.InvariantCulture, $"kaohe-audit-checkpoint\n{id}\n{hash}");

    /// <summary>SQLite: <c>kaohe.db.audit-head</c> beside the file; PostgreSQL: one file per server and database in the folder.</summary>
    private static string PathFor(string? folder, DatabaseTarget target)
    {
        if (target.SqliteFilePath is { } file)
        {
            return string.IsNullOrWhiteSpace(folder) ? file + ".audit-head" : Path.Combine(folder, Path.GetFileName(file) + "-" + Short(file) + ".audit-head");
        }
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(target.ConnectionString);
        var identity = string.Create(CultureInfo.InvariantCulture, $"{cs.Host}:{cs.Port}/{cs.Database}");
        folder = string.IsNullOrWhiteSpace(folder) ? Path.GetDirectoryName(DatabaseTarget.DefaultSqliteFile(Directory.GetCurrentDirectory()))! : folder;
        return Path.Combine(folder, $"{cs.Database}-{Short(identity)}.audit-head");
    }

    private static string Short(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    private sealed record CheckpointFile(long Id, string Hash, string Mac);
}

public enum CheckpointState { Missing, Present, Invalid }
