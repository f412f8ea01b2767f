using RealtimeKit.Generator.Diagnostics;
using RealtimeKit.Generator.Loading;

try
{
    var spec = SpecLoader.LoadFile(args[0]);
    foreach (var w in spec.Warnings) Console.Error.WriteLine(w);
    Console.WriteLine($"paths: {spec.Document.Paths.Count}");
    return 0;
}
catch (SpecException e)
{
    foreach (var d in e.Diagnostics) Console.Error.WriteLine(d);
    return 1;
}
