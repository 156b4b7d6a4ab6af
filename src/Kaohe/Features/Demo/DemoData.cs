using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Features.Demo;

/// <summary>
/// One area's part of the demo database. Each area adds its own step (units, accounts, campaigns,
/// ledger …); <see cref="LoadDemoData"/> runs them in <see cref="Order"/>.
/// </summary>
public interface IDemoStep
{
    int Order { get; }

    /// <summary>Loads what is missing and says what it did, or null when everything was already there.</summary>
    Task<string?> RunAsync(CancellationToken ct);
}

/// <summary>Loads the demo database: the 168 units of the 2018 notice, one account per role, and each area's demo data.</summary>
public sealed class LoadDemoData(IServiceProvider services, Data.KaoheDbContext db)
{
    public const string Password = Accounts.Passwords.Demo;

    public static string DataFolder => Path.Combine(AppContext.BaseDirectory, "data");

    internal static IEnumerable<Type> StepTypes() =>
        typeof(IDemoStep).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDemoStep).IsAssignableFrom(t));

    public async Task<string> HandleAsync(CancellationToken ct = default)
    {
        var log = new List<string>();
        foreach (var step in StepTypes().Select(t => (IDemoStep)ActivatorUtilities.CreateInstance(services, t)).OrderBy(s => s.Order))
        {
            if (await step.RunAsync(ct) is { } said) log.Add(said);
        }
        db.ChangeTracker.Clear();
        return log.Count == 0 ? "演示数据已存在，未做改动" : "已载入演示数据：" + string.Join("；", log);
    }
}
