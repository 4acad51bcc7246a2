using Microsoft.AspNetCore.Http;
using PaperBot.Host.Web.Pages;

namespace PaperBot.Host.Web.Links;

/// <summary>The answers every link page shares.</summary>
public static class LinkPages
{
    public static Task<IResult> InvalidAsync(PageRenderer pages) => pages.MessageAsync("This link is not valid",
        "It may have expired (confirmation links last 7 days) or been copied incompletely. Subscribe again from the home page to get a new one.",
        StatusCodes.Status400BadRequest);

    public static Task<IResult> ExpiredFormAsync(PageRenderer pages) => pages.MessageAsync("This form has expired",
        "Go back, reload the page and send the form again.", StatusCodes.Status400BadRequest);

    public static Task<IResult> GoneAsync(PageRenderer pages) => pages.MessageAsync("This subscription no longer exists",
        "It was deleted. You can subscribe again from the home page.", StatusCodes.Status404NotFound);
}
