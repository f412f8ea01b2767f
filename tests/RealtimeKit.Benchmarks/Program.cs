using BenchmarkDotNet.Running;
using RealtimeKit.Benchmarks;

// `emulator-throughput [N...]` is a plain measurement (see EmulatorThroughput); anything else goes to BenchmarkDotNet.
if (args is ["emulator-throughput", .. var sizes])
{
    return await EmulatorThroughput.RunAsync(sizes);
}

BenchmarkSwitcher.FromAssembly(typeof(EmulatorThroughput).Assembly).Run(args);
return 0;
