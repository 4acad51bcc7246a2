using MimeKit;
using PaperBot.Email.Messages;

namespace PaperBot.Email.Tests;

public class EncodedTextPartTests
{
    public static TheoryData<string, ContentEncoding> Texts => new()
    {
        { "Diffusion models for image editing, at scale.\nÜber alles: é, ñ, 🎉.\n", ContentEncoding.QuotedPrintable },
        { string.Concat(Enumerable.Repeat("我们提出一种新的扩散模型，用于高分辨率图像编辑。\n", 40)), ContentEncoding.Base64 },
        { string.Concat(Enumerable.Repeat("Нейронные сети для редактирования изображений. ", 40)), ContentEncoding.Base64 },
        { "", ContentEncoding.QuotedPrintable },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_mostly_outside_ascii_goes_as_base64_the_rest_as_quoted_printable_and_both_read_back_whole(string text, ContentEncoding expected)
    {
        var part = EncodedTextPart.FromText("plain", text);

        using var wire = new MemoryStream();
        part.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, wire);
        wire.Position = 0;
        var read = (TextPart)MimeEntity.Load(wire);

        Assert.Equal(expected, read.ContentTransferEncoding);
        Assert.Equal(text, read.Text);
        var lines = System.Text.Encoding.ASCII.GetString(wire.ToArray()).Split("\r\n");
        Assert.All(lines, l => Assert.True(l.Length <= 76, $"a line of {l.Length} characters"));
    }
}
