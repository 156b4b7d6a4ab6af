using Kaohe.Data;
using Kaohe.Features.Ledger;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Tests.Services;

public sealed class HandlerListTests
{
    /// <summary>What a handler is (KaoheServices): a public feature class whose constructor takes the context or the target.</summary>
    private static IEnumerable<Type> ScannedHandlers() =>
        typeof(KaoheServices).Assembly.GetTypes().Where(t =>
            t is { IsClass: true, IsAbstract: false, IsPublic: true }
            && t.Namespace?.StartsWith("Kaohe.Features", StringComparison.Ordinal) == true
            && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(KaoheDbContext) || p.ParameterType == typeof(DatabaseTarget))));

    [Fact]
    public void Handlers_ListsEveryFeatureClassThatTakesTheDatabase_AndNothingElse()
    {
        var scanned = ScannedHandlers().Where(t => t != typeof(PersonalDataProtector)).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        var listed = KaoheServices.Handlers.Concat(KaoheServices.PlugIns.Where(t => ScannedHandlers().Contains(t))).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        var expected = string.Join("\n", scanned.GroupBy(t => t.Namespace).Select(g =>
            $"        // {g.Key!["Kaohe.Features.".Length..]}\n        " + string.Join(", ", g.Select(t => $"typeof({t.FullName!["Kaohe.".Length..].Replace('+', '.')})")) + ","));
        Assert.True(scanned.SequenceEqual(listed), "KaoheServices.Handlers should be:\n" + expected);
    }

    [Fact]
    public void PersonalDataProtector_IsOneForTheProcess_NotOnePerScope()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseTarget.EnvironmentVariable] = Path.Combine(Path.GetTempPath(), $"kaohe-{Guid.NewGuid():N}.db"),
            [PersonalDataProtector.ConfigurationKey] = Convert.ToBase64String(new byte[32]),
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(config).AddKaohe().BuildServiceProvider();
        using var one = services.CreateScope();
        using var other = services.CreateScope();
        Assert.Same(one.ServiceProvider.GetRequiredService<PersonalDataProtector>(), other.ServiceProvider.GetRequiredService<PersonalDataProtector>());
    }
}
