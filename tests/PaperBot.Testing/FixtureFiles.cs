namespace PaperBot.Testing;

/// <summary>The shared fixture files, copied beside the test assemblies under <c>Fixtures/</c>.</summary>
public static class FixtureFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static Stream Open(string name) => new MemoryStream(Bytes(name), writable: false);
}
