namespace Kaohe.Data;

/// <summary>Who is acting in this scope: set from the signed-in user on the web, from the OS user or --as in the CLI.</summary>
public sealed class AuditActor
{
    public string Name { get; set; } = "system";
}
