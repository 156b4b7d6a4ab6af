using System.Diagnostics;
using System.Text;

namespace Kaohe.Tests.Infrastructure;

/// <summary>
/// The real `kaohe` command running as a child process, its output read line by line while it runs, for tests that
/// act on it mid-way (signal it, change its file) once it has printed a given line.
/// </summary>
public sealed class KaoheProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _lock = new();
    private (Func<string, bool> Match, TaskCompletionSource<string> Seen)? _waiter;

    private KaoheProcess(Process process) => _process = process;

    public static string Executable => Path.Combine(AppContext.BaseDirectory.Replace("/tests/Kaohe.Tests/", "/src/Kaohe.Cli/", StringComparison.Ordinal), "kaohe");

    public int Id => _process.Id;

    /// <summary>
    /// Starts `kaohe <paramref name="args"/>` with SIGINT at its default: a shell without job control starts its
    /// background jobs with SIGINT ignored, the child would inherit that, and .NET leaves an ignored SIGINT ignored.
    /// </summary>
    public static KaoheProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in (string[])["--default-signal=INT", Executable, .. args]) info.ArgumentList.Add(a);
        info.Environment["COLUMNS"] = "200";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var process = new Process { StartInfo = info };
        var running = new KaoheProcess(process);
        process.OutputDataReceived += (_, e) => running.Received(e.Data);
        process.ErrorDataReceived += (_, e) => running.Received(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Runs `kaohe <paramref name="args"/>` to its end: its exit code and its output (standard output, then errors).</summary>
    public static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["COLUMNS"] = "300";
        using var process = Process.Start(info)!;
        var (output, errors) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    public string Output
    {
        get { lock (_lock) return _output.ToString(); }
    }

    /// <summary>The first line (printed from now on) that matches; fails if the command ends first.</summary>
    public async Task<string> LineAsync(Func<string, bool> match, CancellationToken ct)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock) _waiter = (match, seen);
        var ended = _process.WaitForExitAsync(ct);
        if (await Task.WhenAny(seen.Task, ended) == seen.Task) return await seen.Task;
        await ended;
        throw new InvalidOperationException($"kaohe ended (exit {_process.ExitCode}) before the line awaited:\n{Output}");
    }

    /// <summary>Sends a signal as `kill -SIGNAL pid` does (Ctrl+C in a terminal is SIGINT).</summary>
    public async Task SignalAsync(string signal, CancellationToken ct)
    {
        using var kill = Process.Start("kill", [$"-{signal}", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(ct);
        Assert.Equal(0, kill.ExitCode);
    }

    public async Task<(int Code, string Output)> ExitAsync(CancellationToken ct)
    {
        await _process.WaitForExitAsync(ct); // also waits for the last output lines
        return (_process.ExitCode, Output);
    }

    private void Received(string? line)
    {
        if (line is null) return;
        TaskCompletionSource<string>? seen = null;
        lock (_lock)
        {
            _output.AppendLine(line);
            if (_waiter is { } w && w.Match(line)) (seen, _waiter) = (w.Seen, null);
        }
        seen?.TrySetResult(line);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }
}
