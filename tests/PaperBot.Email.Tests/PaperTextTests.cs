using PaperBot.Email.Messages;

namespace PaperBot.Email.Tests;

public class PaperTextTests
{
    [Theory]
    [InlineData("Diffusion models for image editing", "Diffusion models for image editing")]
    [InlineData("  padded  ", "padded")]
    [InlineData("two  spaces", "two spaces")]
    [InlineData("line\r\nBcc: x@example.org", "line Bcc: x@example.org")]
    [InlineData("tab\tand\u0085next line\u2028separator", "tab and next line separator")]
    [InlineData("evil\u202Eexe.txt and \u2066isolated\u2069", "evilexe.txt and isolated")]
    [InlineData("nul\0 bell\a", "nul bell")]
    [InlineData("non-breaking\u00A0space", "non-breaking space")]
    public void Paper_text_becomes_one_line_without_controls(string input, string expected) =>
        Assert.Equal(expected, PaperText.OneLine(input));

    [Fact]
    public void Text_that_is_already_one_clean_line_is_returned_as_it_is()
    {
        const string clean = "Already clean: 日本語, émoji 🎉 and TeX $x<y$";
        Assert.Same(clean, PaperText.OneLine(clean));
    }
}
