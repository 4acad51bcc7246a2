using PaperBot.Host.Cli;

// Composition only: the verbs live in Cli/, the wiring in Composition/.
using var context = new CliContext(Console.Out, Console.Error, Environment.CurrentDirectory);
return await CliApp.RunAsync(args, context);
