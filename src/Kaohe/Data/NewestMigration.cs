namespace Kaohe.Data;

/// <summary>
/// The id of each provider's newest migration, so a command can tell a current database from one query without
/// reflecting over the assembly's types (≈ 12 ms of every command). scripts/add-migration.sh rewrites this file;
/// a test checks it against the migrations themselves. Were it stale, a current database would only be migrated
/// again through EF, which finds nothing to do.
/// </summary>
internal static class NewestMigration
{
    public const string Sqlite = "20261206215302_KeyedAuditChain";
    public const string Postgres = "20261206215307_KeyedAuditChain";
}
