using BenchmarkDotNet.Running;
using RealtimeKit.Benchmarks;

// `emulator-throughput [N...]` is a plain measurement (see EmulatorThroughput); `check` calls every client of every
// comparison once and checks what came back (see ComparisonCheck); anything else goes to BenchmarkDotNet.
if (args is ["emulator-throughput", .. var sizes])
{
    return await EmulatorThroughput.RunAsync(sizes);
}

if (args is ["check"])
{
    return await ComparisonCheck.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(EmulatorThroughput).Assembly).Run(args);
return 0;
