using System.Reflection;
using PaperBot.Benchmarks;

// Each benchmark is a class implementing IBenchmark; the first argument picks it by name.
var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/PaperBot.Benchmarks -- <benchmark|all> [--quick]");
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-12} {b.Description}");
    return args.Length == 0 ? 2 : 0;
}

var selected = args[0] == "all" ? benchmarks : benchmarks.Where(b => b.Name == args[0]).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine($"unknown benchmark '{args[0]}'; try --help");
    return 2;
}

var failed = false;
foreach (var b in selected)
{
    Console.WriteLine($"## {b.Name}");
    failed |= !await b.RunAsync(args[1..]);
}
return failed ? 1 : 0;
