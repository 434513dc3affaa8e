using Kiln.Cli;

using var interruption = new Interruption();
return await KilnApplication.RunAsync(args, interruption);
