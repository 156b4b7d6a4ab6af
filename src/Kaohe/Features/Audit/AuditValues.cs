using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Kaohe.Common.Time;

namespace Kaohe.Features.Audit;

/// <param name="AsSent">The value is what a client sent, shown as it is (<see cref="AuditFieldNames.IsAsSent"/>): the page marks it translate="no".</param>
public sealed record AuditField(string Label, string Value, bool AsSent = false);

/// <summary>
/// An entry's before and after values as a person reads them: Chinese labels (<see cref="AuditFieldNames"/>), times
/// in Beijing, enums by their Chinese names, amounts in 元, yes/no. <paramref name="fieldTypes"/> gives each audited
/// entity's property types (from the EF model), so a number stored for an enum is shown as the enum's name.
/// </summary>
public sealed class AuditValues(IReadOnlyDictionary<string, IReadOnlyDictionary<string, Type>> fieldTypes)
{
    public IReadOnlyList<AuditField> Describe(string entityType, string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        // Most entries hold a JSON object; some (a clear-text view) hold a sentence, shown as it is.
        if (!json.StartsWith('{')) return [new AuditField(AuditTexts.Sentence, json)];
        using var document = JsonDocument.Parse(json);
        var types = fieldTypes.GetValueOrDefault(entityType);
        return document.RootElement.EnumerateObject()
            .Select(p => new AuditField(AuditFieldNames.Label(p.Name), Text(p.Name, p.Value, types?.GetValueOrDefault(p.Name)), AuditFieldNames.IsAsSent(p.Name)))
            .ToList();
    }

    private static string Text(string name, JsonElement value, Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return value.ValueKind switch
        {
            JsonValueKind.Null => AuditTexts.Nothing,
            JsonValueKind.True => AuditTexts.Yes,
            JsonValueKind.False => AuditTexts.No,
            JsonValueKind.Number when type is { IsEnum: true } && value.TryGetInt32(out _) => EnumNames.Of(type, value.GetInt32()),
            JsonValueKind.Number when name.EndsWith("Fen", StringComparison.Ordinal) && value.TryGetInt64(out var fen) => Yuan(fen),
            JsonValueKind.String when name.EndsWith("Utc", StringComparison.Ordinal) && value.TryGetDateTime(out var utc) =>
                BeijingClock.Format(DateTime.SpecifyKind(utc.ToUniversalTime(), DateTimeKind.Utc), "yyyy-MM-dd HH:mm:ss"),
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Array => string.Join(AuditTexts.ListSeparator, value.EnumerateArray().Select(e => e.ToString())),
            JsonValueKind.Object => Flat(value),
            _ => value.ToString(),
        };
    }

    // A summary by part (the seal's digest per unit, an import's rows per snapshot): "12：3f2a…；13：…", nested alike.
    private static string Flat(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => string.Join("；", value.EnumerateObject().Select(p => $"{p.Name}：{Flat(p.Value)}")),
        JsonValueKind.Array => string.Join(AuditTexts.ListSeparator, value.EnumerateArray().Select(Flat)),
        _ => value.ToString(),
    };

    private static string Yuan(long fen) => AuditTexts.Yuan((fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture));
}

/// <summary>
/// The Chinese name of an enum value: from the area's own naming function (a public static method of the Kaohe
/// library taking only that enum and returning a string, such as <c>Grade.ChineseName()</c> or
/// <c>AssessmentTexts.StepName</c>), else from a <see cref="DescriptionAttribute"/> on the member, else the number.
/// </summary>
public static class EnumNames
{
    private static readonly Lazy<Dictionary<Type, MethodInfo>> Namers = new(() => typeof(EnumNames).Assembly.GetTypes()
        .Where(t => t.IsAbstract && t.IsSealed && t.IsPublic)
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
        .Where(m => m.ReturnType == typeof(string) && m.GetParameters() is [{ ParameterType.IsEnum: true }])
        .GroupBy(m => m.GetParameters()[0].ParameterType)
        .ToDictionary(g => g.Key, g => g.OrderBy(m => m.Name.Contains("Chinese", StringComparison.Ordinal) ? 0 : 1).First()));

    public static string Of(Type type, int number)
    {
        var value = Enum.ToObject(type, number);
        if (!Enum.IsDefined(type, value)) return number.ToString(CultureInfo.InvariantCulture);
        if (Namers.Value.TryGetValue(type, out var namer)) return (string)namer.Invoke(null, [value])!;
        var member = type.GetField(Enum.GetName(type, value)!);
        return member?.GetCustomAttribute<DescriptionAttribute>()?.Description ?? number.ToString(CultureInfo.InvariantCulture);
    }
}
