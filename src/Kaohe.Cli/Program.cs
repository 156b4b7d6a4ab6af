using System.CommandLine;
using Kaohe.Cli;
using Kaohe.Cli.Commands;

var root = new RootCommand("kaohe — 县级学生资助管理中心生源地信用助学贷款工作考核系统的命令行工具")
{
    CliHost.Db,
    CliHost.As,
    DatabaseCommands.Create(),
    DemoCommands.Create(),
    UnitCommands.Create(),
    UserCommands.Create(),
    AuditCommands.Create(),
    CampaignCommands.Create(),
    NoticeCommands.Create(),
    ResultsCommands.Create(),
    LedgerCommands.Create(),
    CollectionCommands.Create(),
};
BulletinCommands.AttachTo(root);
return await root.Parse(args).InvokeAsync();
