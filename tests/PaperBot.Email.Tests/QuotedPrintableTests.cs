using System.Buffers;
using System.Text;
using MimeKit;
using MimeKit.Encodings;
using PaperBot.Email.Messages;

namespace PaperBot.Email.Tests;

public class QuotedPrintableTests
{
    private static string Encode(string text)
    {
        var writer = new ArrayBufferWriter<byte>();
        var column = 0;
        QuotedPrintable.Encode(Encoding.UTF8.GetBytes(text), ref column, writer);
        return Encoding.ASCII.GetString(writer.WrittenSpan);
    }

    private static string Decode(string wire)
    {
        var input = Encoding.ASCII.GetBytes(wire);
        var decoder = new QuotedPrintableDecoder();
        var output = new byte[decoder.EstimateOutputLength(input.Length)];
        return Encoding.UTF8.GetString(output, 0, decoder.Decode(input, 0, input.Length, output));
    }

    public static TheoryData<string> Texts => new()
    {
        "plain ASCII text\non two lines\n",
        "a = b and trailing space \nand a tab\tinside\n",
        "Über 日本語 émoji 🎉 and RTL \u202E text, all in UTF-8",
        string.Concat(Enumerable.Repeat("word ", 400)) + "\n",
        string.Concat(Enumerable.Repeat("é", 300)),
        "windows\r\nline ends\r\nand a lone\rCR",
        "ends with a space ",
        "",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Encoded_text_decodes_to_the_same_text_with_crlf_line_ends(string text) =>
        Assert.Equal(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal), Decode(Encode(text)));

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_encoded_line_is_7_bit_within_76_characters_and_ends_without_a_bare_space(string text)
    {
        var wire = Encode(text);
        Assert.All(wire.Split("\r\n"), line =>
        {
            Assert.InRange(line.Length, 0, 76);
            Assert.All(line, c => Assert.InRange(c, ' ', '~'));
            Assert.False(line.EndsWith(' '), $"'{line}' ends with a space");
        });
        Assert.DoesNotContain('\r', wire.Replace("\r\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_encoded_in_pieces_keeps_its_lines_within_76_characters()
    {
        var writer = new ArrayBufferWriter<byte>();
        var column = 0;
        foreach (var piece in new[] { "start of a line that goes on ", new string('x', 70), " and on with ", new string('y', 200), "\n" })
            QuotedPrintable.Encode(Encoding.UTF8.GetBytes(piece), ref column, writer, endsLine: piece.EndsWith('\n'));
        var wire = Encoding.ASCII.GetString(writer.WrittenSpan);

        Assert.All(wire.Split("\r\n"), line => Assert.InRange(line.Length, 0, 76));
        Assert.Equal("start of a line that goes on " + new string('x', 70) + " and on with " + new string('y', 200) + "\r\n", Decode(wire));
    }

    [Fact]
    public void An_encoded_part_writes_the_same_bytes_as_mimekit_and_reads_back_its_text()
    {
        const string text = "Über diffusion = fast\nsecond line \n";
        var part = EncodedTextPart.FromText("plain", text);
        var reference = new TextPart("plain") { Content = new MimeContent(new MemoryStream(Encoding.ASCII.GetBytes(Encode(text))), ContentEncoding.QuotedPrintable) };
        reference.ContentType.Charset = "utf-8";
        reference.ContentTransferEncoding = ContentEncoding.QuotedPrintable;

        foreach (var format in new[] { NewLineFormat.Dos, NewLineFormat.Unix })
        {
            var options = new FormatOptions { NewLineFormat = format };
            using var ours = new MemoryStream();
            using var theirs = new MemoryStream();
            part.WriteTo(options, ours);
            reference.WriteTo(options, theirs);
            Assert.Equal(Encoding.ASCII.GetString(theirs.ToArray()), Encoding.ASCII.GetString(ours.ToArray()));
        }
        Assert.Equal(text, part.Text);
    }
}
