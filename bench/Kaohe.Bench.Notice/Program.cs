using System.Diagnostics;
using System.Runtime.InteropServices;
using Kaohe;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Demo;
using Kaohe.Features.Notices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Times generating the 2018 notice: composing it from the database and writing each of the four formats.
//   dotnet run -c Release --project bench/Kaohe.Bench.Notice [-- ITERATIONS]
// A stopwatch run, not BenchmarkDotNet: the question is "well under a second?", and the first (cold) run,
// which loads the font and JITs everything, matters as much as the warm ones.
var iterations = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 30;
var root = FindRoot();
var folder = Directory.CreateTempSubdirectory("kaohe-bench-").FullName;
var config = new ConfigurationBuilder().AddInMemoryCollection([new(DatabaseTarget.EnvironmentVariable, Path.Combine(folder, "b.db"))]).Build();
await using var services = new ServiceCollection().AddSingleton<IConfiguration>(config).AddKaohe().BuildServiceProvider();
await services.GetRequiredService<KaoheDatabase>().MigrateAsync();
await using (var scope = services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<RegistryDemoStep>().RunAsync(CancellationToken.None);
    var csv = "单位,所属市,等级\n" + string.Join("\n", File.ReadLines(Path.Combine(root, "tests/Kaohe.Tests/Features/Notices/Reference/henan-2018-units.csv"))
        .Skip(1).Select(l => l.Split(',')).Where(c => c.Length > 6).Select(c => $"{c[1]},{c[3]},{c[6]}"));
    await scope.ServiceProvider.GetRequiredService<ImportResults>().HandleAsync(2018, TabularFile.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "2018.csv"), UserScope.System);
}

var steps = new List<string> { "compose" }.Concat(Enum.GetValues<NoticeFormat>().Select(f => f.ToString().ToLowerInvariant())).Append("all four").ToList();
var times = steps.ToDictionary(s => s, _ => new List<double>());
var sizes = new Dictionary<string, int>();
for (var i = 0; i <= iterations; i++)
{
    await using var scope = services.CreateAsyncScope();
    var total = Stopwatch.StartNew();
    var watch = Stopwatch.StartNew();
    var notice = await scope.ServiceProvider.GetRequiredService<ComposeNotice>().HandleAsync(2018);
    times["compose"].Add(watch.Elapsed.TotalMilliseconds);
    foreach (var f in Enum.GetValues<NoticeFormat>())
    {
        watch.Restart();
        sizes[f.ToString().ToLowerInvariant()] = NoticeFormats.Generate(notice, f).Length;
        times[f.ToString().ToLowerInvariant()].Add(watch.Elapsed.TotalMilliseconds);
    }
    times["all four"].Add(total.Elapsed.TotalMilliseconds);
}

Console.WriteLine($"Machine: {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, .NET {Environment.Version}; {iterations} warm iterations after 1 cold");
Console.WriteLine();
Console.WriteLine("| step | cold (ms) | warm median (ms) | warm min (ms) | bytes |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var s in steps)
{
    var warm = times[s].Skip(1).Order().ToList();
    Console.WriteLine($"| {s} | {times[s][0]:F1} | {warm[warm.Count / 2]:F1} | {warm[0]:F1} | {(sizes.TryGetValue(s, out var b) ? b.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "")} |");
}
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, true);

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kaohe.slnx"))) dir = dir.Parent;
    return dir?.FullName ?? throw new DirectoryNotFoundException("Kaohe.slnx");
}
