namespace RealtimeKit;

/// <summary>Argument checks that run before anything is sent, each naming the parameter and what was expected.</summary>
internal static class Guard
{
    /// <summary>A path parameter or required text: not null, empty or whitespace.</summary>
    public static string NotBlank(string? value, string parameter)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameter, $"Expected a non-empty value for {parameter}.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"Expected a non-empty value for {parameter}, got '{value}'.", parameter);
        }

        return value;
    }

    /// <summary>A list of ids: each one non-blank; null becomes empty.</summary>
    public static List<string> Ids(IEnumerable<string>? values, string parameter)
    {
        var list = values?.ToList() ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i]))
            {
                throw new ArgumentException($"Expected every id in {parameter} to be non-empty; item {i} is '{list[i]}'.", parameter);
            }
        }

        return list;
    }
}
