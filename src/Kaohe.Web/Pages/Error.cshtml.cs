using Kaohe.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = "处理请求时发生错误，请稍后再试。";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        if (DatabaseBusy.Is(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            (Title, Message) = (DatabaseBusy.Title, DatabaseBusy.Message);
            return;
        }
        (Title, Message) = code switch
        {
            404 => ("页面不存在", "找不到该页面，或该数据不在您的权限范围内。"),
            403 => ("无权访问", "您的账户无权查看此内容。"),
            400 => ("请求无效", "请求无效或表单已过期，请刷新页面后重试。"),
            // The rate limiter's refusal (sign-in from one address): Retry-After says how long, in seconds.
            429 => ("请求过于频繁", int.TryParse(Response.Headers.RetryAfter, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                ? $"登录尝试过于频繁，请于 {Math.Max(1, (seconds + 59) / 60)} 分钟后再试。" : "登录尝试过于频繁，请稍后再试。"),
            _ => (Title, Message),
        };
    }
}
