using System.Globalization;
using OpenIsms.Bench;

// Benchmarks of the running app, measured from outside the process. See bench/README.md.
//   dotnet run --project bench/OpenIsms.Bench -c Release -- [foundation | risks [small|large] [imports] | controls [small|large] | documents [small] [postgres] | competence [small] [postgres] | objectives [small] | support [small] | checkact [small] | writers [seconds] [postgres]]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var command = args.FirstOrDefault() ?? "foundation";
switch (command)
{
    case "foundation":
        await Foundation.Run();
        break;
    case "risks":
        await RiskBench.Run(args.ElementAtOrDefault(1) == "small" ? Generator.Size.Small : Generator.Size.Large, args.Contains("imports"));
        break;
    case "writers":
        await WriterBench.Run(int.TryParse(args.ElementAtOrDefault(1), out var seconds) ? seconds : 60, args.Contains("postgres"));
        break;
    case "documents":
        await DocumentBench.Run(args.Contains("small"), args.Contains("postgres"));
        break;
    case "competence":
        await CompetenceBench.Run(args.Contains("small"), args.Contains("postgres"));
        break;
    case "objectives":
        await ObjectiveBench.Run(args.Contains("small"));
        break;
    case "support":
        await SupportBench.Run(args.Contains("small"));
        break;
    case "checkact":
        await CheckActBench.Run(args.Contains("small"));
        break;
    case "stagepack":
        await StagePackBench.Run(args.Contains("small"));
        break;
    case "controls":
        await ControlBench.Run(args.ElementAtOrDefault(1) == "small");
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{command}'. Known: foundation, risks [small|large] [imports], controls [small|large], documents [small] [postgres], competence [small] [postgres], objectives [small], support [small], checkact [small], stagepack [small], writers [seconds] [postgres].");
        return 2;
}

return 0;
