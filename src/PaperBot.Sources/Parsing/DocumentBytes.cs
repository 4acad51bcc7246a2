namespace PaperBot.Sources.Parsing;

/// <summary>Reads a whole document into memory, refusing anything over the cap before it is all read.</summary>
internal static class DocumentBytes
{
    public static bool TryReadAll(Stream stream, long maxBytes, out byte[] bytes, out string? error)
    {
        bytes = [];
        error = null;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    error = $"The document is larger than {maxBytes / (1024 * 1024)} MB.";
                    return false;
                }
                buffer.Write(chunk, 0, read);
            }
            bytes = buffer.ToArray();
            return true;
        }
        catch (IOException e)
        {
            error = $"The document could not be read: {e.Message}";
            return false;
        }
    }
}
