using Kaohe.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kaohe;

public static class KaoheServices
{
    /// <summary>
    /// Registers the database and every feature handler. The target is read from configuration
    /// (<c>KAOHE_DB</c>) when first needed, so hosts and tests can set it late.
    /// </summary>
    public static IServiceCollection AddKaohe(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Common.Time.BeijingClock>();
        services.AddSingleton(sp => DatabaseTarget.Parse(sp.GetRequiredService<IConfiguration>()[DatabaseTarget.EnvironmentVariable]));
        services.AddSingleton<AuditGuard>();
        services.AddSingleton<KaoheDatabase>();
        services.AddSingleton(sp => Features.Accounts.SignInLimits.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => Features.Accounts.DemoMode.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<Features.Ledger.PersonalDataProtector>();
        services.AddSingleton<Features.Assessment.ProvinceFigureCache>();
        services.TryAddSingleton<Features.Collection.ISmsGateway, Features.Collection.HttpSmsGateway>();
        services.AddScoped<AuditActor>();
        services.AddScoped(sp => sp.GetRequiredService<KaoheDatabase>().Create(sp.GetRequiredService<AuditActor>()));
        foreach (var handler in Handlers) services.AddScoped(handler);
        services.AddEach<Features.Desk.IDeskSource>(DeskSources).AddEach<Features.Audit.IAuditedTrail>(AuditedTrails)
            .AddEach<Features.Audit.IAuditedBulkData>(AuditedBulkData).AddEach<Features.Ledger.ILedgerImportHook>(LedgerImportHooks).AddEach<Features.Ledger.ILedgerIndicatorSource>(IndicatorSources);
        services.AddScoped<Features.Desk.BuildDesk>();
        // Reads the queue, not the database itself, so it is not in Handlers.
        services.AddScoped<Features.Collection.ExportCallList>();
        return services;
    }

    /// <summary>The areas that put work on the roles' home pages (<see cref="Features.Desk.BuildDesk"/>), in the desk's order.</summary>
    internal static readonly Type[] DeskSources =
        [typeof(Features.Assessment.AssessmentDesk), typeof(Features.Ledger.LedgerDesk), typeof(Features.Collection.CollectionDesk)];

    /// <summary>The trails <see cref="Features.Audit.VerifyAuditChain"/> checks against the chain after the chain itself, in order.</summary>
    internal static readonly Type[] AuditedTrails = [typeof(Features.Collection.VerifyContactTrail)];

    /// <summary>The bulk rows <see cref="Features.Audit.CheckAuditedData"/> checks against their imports' records, in order.</summary>
    internal static readonly Type[] AuditedBulkData = [typeof(Features.Ledger.CheckLedgerRows)];

    /// <summary>What a 还款计划 import runs in its transaction after writing the snapshots (<see cref="Features.Ledger.ILedgerImportHook"/>), in order.</summary>
    internal static readonly Type[] LedgerImportHooks = [typeof(Features.Collection.CaseSync)];

    /// <summary>The indicators computed after the ledger's own (<see cref="Features.Ledger.ILedgerIndicatorSource"/>), in order.</summary>
    internal static readonly Type[] IndicatorSources = [typeof(Features.Collection.CollectionIndicators)];

    /// <summary>
    /// Where a higher area plugs into a lower one, which defines the interface and finds the implementations here
    /// (<see cref="DeskSources"/>, <see cref="AuditedTrails"/>, <see cref="AuditedBulkData"/>, <see cref="LedgerImportHooks"/>, <see cref="IndicatorSources"/>): made per request or command like the handlers.
    /// </summary>
    internal static IEnumerable<Type> PlugIns => [.. DeskSources, .. AuditedTrails, .. AuditedBulkData, .. LedgerImportHooks, .. IndicatorSources];

    /// <summary>Each of <paramref name="types"/>, as itself and as one of the <typeparamref name="T"/>s, in their order.</summary>
    private static IServiceCollection AddEach<T>(this IServiceCollection services, Type[] types) where T : class
    {
        foreach (var type in types) services.AddScoped(type).AddScoped(sp => (T)sp.GetRequiredService(type));
        return services;
    }

    /// <summary>
    /// The feature handlers: each public feature class whose constructor takes the database context (or, to read
    /// without EF, the database target), made per request or command. Listed rather than found by scanning the
    /// assembly, which cost every start of the web app and of each command 10–15 ms; a test checks the list.
    /// <see cref="Features.Ledger.PersonalDataProtector"/> takes the target too but is one for the process (above):
    /// the scan had registered it per scope as well, which derived its keys again for every request.
    /// </summary>
    internal static readonly Type[] Handlers =
    [
        // Accounts
        typeof(Features.Accounts.CreateUser), typeof(Features.Accounts.ListUsers), typeof(Features.Accounts.ListSignInFailures),
        typeof(Features.Accounts.ResetPassword), typeof(Features.Accounts.SignIn),
        // Assessment
        typeof(Features.Assessment.AssessmentDemoStep), typeof(Features.Assessment.AssignExperts), typeof(Features.Assessment.AttachEvidence),
        typeof(Features.Assessment.CampaignProgress), typeof(Features.Assessment.CampaignResults), typeof(Features.Assessment.CloseStage),
        typeof(Features.Assessment.CompareStages), typeof(Features.Assessment.ConfirmComputedGrades), typeof(Features.Assessment.CreateCampaign),
        typeof(Features.Assessment.DecideGrades), typeof(Features.Assessment.DownloadScoringWorkbook), typeof(Features.Assessment.DrawFieldVisits),
        typeof(Features.Assessment.EnsureDefaultScheme), typeof(Features.Assessment.ExportScheme), typeof(Features.Assessment.GetCampaign),
        typeof(Features.Assessment.GetCampaignUnit), typeof(Features.Assessment.GetEvidenceFile), typeof(Features.Assessment.ImportScheme),
        typeof(Features.Assessment.ListCampaigns), typeof(Features.Assessment.ListEvidence), typeof(Features.Assessment.ListFindings),
        typeof(Features.Assessment.ListSchemes), typeof(Features.Assessment.OpenStage), typeof(Features.Assessment.ReassignExpert),
        typeof(Features.Assessment.RecordFinding), typeof(Features.Assessment.ReturnUnit), typeof(Features.Assessment.ReviseScheme),
        typeof(Features.Assessment.ScoreFromLedger), typeof(Features.Assessment.ScoreStage), typeof(Features.Assessment.SealResults),
        typeof(Features.Assessment.UploadScoringWorkbook),
        // Audit
        typeof(Features.Audit.CheckAuditedData), typeof(Features.Audit.DescribeAuditEntry), typeof(Features.Audit.ReadAuditTrail), typeof(Features.Audit.VerifyAuditChain),
        // Collection
        typeof(Features.Collection.CollectionDemoStep), typeof(Features.Collection.CollectionOverview), typeof(Features.Collection.ExportReminderBatch),
        typeof(Features.Collection.ImportCallList), typeof(Features.Collection.ListCollectionQueue), typeof(Features.Collection.OpenContactEvidence),
        typeof(Features.Collection.RecordContact), typeof(Features.Collection.SendReminders), typeof(Features.Collection.ShowCollectionCase),
        typeof(Features.Collection.DraftLetters), typeof(Features.Collection.LetterTemplates), typeof(Features.Collection.SetCentreContact),
        // Demo
        typeof(Features.Demo.AccountsDemoStep), typeof(Features.Demo.LoadDemoData), typeof(Features.Demo.RegistryDemoStep),
        // Ledger
        typeof(Features.Bulletin.BuildBulletin),
        typeof(Features.Ledger.ComputeFiguresFromFiles), typeof(Features.Ledger.ComputeLedgerFigures), typeof(Features.Ledger.ComputeLedgerIndicators),
        typeof(Features.Ledger.ExportBorrowers), typeof(Features.Ledger.ForecastRecovery), typeof(Features.Ledger.GenerateDemoLedger),
        typeof(Features.Ledger.ImportLedger), typeof(Features.Ledger.LedgerDemoStep), typeof(Features.Ledger.ListBorrowers),
        typeof(Features.Ledger.ShowBorrower), typeof(Features.Ledger.TrackRecoveryPlan),
        typeof(Features.Ledger.ViewCityLedger), typeof(Features.Ledger.ViewProvinceLedger), typeof(Features.Ledger.ViewUnitLedger),
        // Notices
        typeof(Features.Notices.CompareYears), typeof(Features.Notices.ComposeNotice), typeof(Features.Notices.DraftNotice), typeof(Features.Notices.EditNotice),
        typeof(Features.Notices.ExportResults), typeof(Features.Notices.ImportResults), typeof(Features.Notices.ListResultYears),
        typeof(Features.Notices.NoticeDemoStep),
        // Units
        typeof(Features.Units.EditUnit), typeof(Features.Units.ExportUnits), typeof(Features.Units.GetUnit), typeof(Features.Units.ImportUnits),
        typeof(Features.Units.ListCityGroups), typeof(Features.Units.ListUnits), typeof(Features.Units.UnitMap),
    ];
}
