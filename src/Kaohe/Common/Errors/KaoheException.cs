namespace Kaohe.Common.Errors;

/// <summary>What kind of refusal a <see cref="KaoheException"/> is; the web maps each to one HTTP status in one place.</summary>
public enum ErrorKind
{
    /// <summary>No such thing, or out of the caller's scope (the two answer alike, so ids cannot be probed): 404.</summary>
    NotFound,
    /// <summary>The caller's role may not do this (the thing itself is in scope): 403.</summary>
    Forbidden,
    /// <summary>The request or file breaks a rule; <see cref="KaoheException.Errors"/> names the fields or rows: 400.</summary>
    Invalid,
    /// <summary>The request is well formed but the state forbids it now (sealed, already decided, changed meanwhile): 409.</summary>
    Conflict,
    /// <summary>The database or an import is busy; nothing was changed; try again later: 503.</summary>
    Busy,
    /// <summary>This machine lacks what the request needs (a font for PDF); the message says what to install: 503.</summary>
    Unavailable,
}

/// <summary>
/// Kaohe's one error contract. A use case refuses by throwing one of these, with a Chinese title for the person
/// and, for <see cref="ErrorKind.Invalid"/>, the fields or rows at fault. The web app turns it into RFC 7807 problem
/// details in one place (<c>Kaohe.Web.Errors</c>) and the pages into their error message in one helper; the CLI prints
/// the title and exits 2. Anything else thrown is a fault (500, logged).
/// </summary>
public class KaoheException(ErrorKind kind, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null, Exception? inner = null)
    : Exception(detail is null ? title : title + "：" + detail, inner)
{
    public ErrorKind Kind { get; } = kind;

    /// <summary>The short Chinese title shown to the person (problem details' <c>title</c>).</summary>
    public string Title { get; } = title;

    /// <summary>More of the same in Chinese (problem details' <c>detail</c>), or null.</summary>
    public string? Detail { get; } = detail;

    /// <summary>Field (or "第N行·列") → messages, for <see cref="ErrorKind.Invalid"/>; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public static KaoheException NotFound(string title = ErrorTexts.NotFound) => new(ErrorKind.NotFound, title);

    public static KaoheException Forbidden(string title = ErrorTexts.Forbidden) => new(ErrorKind.Forbidden, title);

    public static KaoheException Invalid(string title, string? detail = null) => new(ErrorKind.Invalid, title, detail);

    /// <summary>A form with named fields at fault: field → message.</summary>
    public static KaoheException InvalidFields(string title, IReadOnlyDictionary<string, string[]> errors) =>
        new(ErrorKind.Invalid, title, string.Join("；", errors.SelectMany(e => e.Value)), errors);

    public static KaoheException Conflict(string title, string? detail = null) => new(ErrorKind.Conflict, title, detail);

    public static KaoheException Busy(string title, string? detail = null, Exception? inner = null) => new(ErrorKind.Busy, title, detail, inner: inner);
}

/// <summary>The contract's generic Chinese titles.</summary>
public static class ErrorTexts
{
    public const string NotFound = "未找到，或不在您的权限范围内";
    public const string Forbidden = "您的角色不能进行此操作";
    public const string Invalid = "提交的内容有误";
    public const string SignInFirst = "请先登录";
    public const string TooManyRequests = "请求过于频繁，请稍后再试";
    public const string MethodNotAllowed = "此地址不支持该请求方法";
    public const string UnsupportedMediaType = "不支持的内容类型：请以 JSON 或文件正文提交";
}
