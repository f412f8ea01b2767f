using System.Collections;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace RealtimeKit.Benchmarks;

/// <summary>
/// Calls every benchmark method of every <see cref="ClientComparison"/> once, for each parameter value, and checks
/// that it returned the scenario's data (as many participants as the parameter asks for), so a client that fails
/// or reads nothing is caught before its numbers are believed.
/// </summary>
/// <example><c>dotnet run -c Release --project tests/RealtimeKit.Benchmarks -- check</c></example>
internal static class ComparisonCheck
{
    public static async Task<int> RunAsync()
    {
        var failures = 0;
        foreach (var type in typeof(ClientComparison).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ClientComparison)) && !t.IsAbstract))
        {
            var parameter = type.GetProperty("Participants");
            var values = parameter?.GetCustomAttribute<ParamsAttribute>()?.Values ?? [null];
            foreach (var value in values)
            {
                var comparison = (ClientComparison)Activator.CreateInstance(type)!;
                parameter?.SetValue(comparison, value);
                await comparison.SetupAsync();
                try
                {
                    foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
                    {
                        var result = await (Task<object?>)InvokeAsObject(method, comparison);
                        var count = Participants(result);
                        var ok = result is not null && (value is null || count == (int)value);
                        failures += ok ? 0 : 1;
                        Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {type.Name}({value}) {method.Name}: {result?.GetType().Name ?? "null"}{(count is { } c ? $", {c} participants" : "")}");
                    }
                }
                finally
                {
                    await comparison.CleanupAsync();
                }
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private static async Task<object?> InvokeAsObject(MethodInfo method, object target)
    {
        var task = (Task)method.Invoke(target, null)!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    // The first list of participants anywhere in the result's public properties (one level down at most).
    private static int? Participants(object? result)
    {
        if (result is null)
        {
            return null;
        }

        foreach (var property in result.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(result);
            if (value is IList list && property.Name is "Participants" or "Data" or "Items")
            {
                return list.Count;
            }

            if (value is not null && property.Name is "Data" && Participants(value) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
