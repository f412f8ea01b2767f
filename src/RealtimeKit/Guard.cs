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

    /// <summary>An id for a path or a body: given and not blank; returned as text.</summary>
    public static string Id(RealtimeKitId value, string parameter)
    {
        if (value.IsMissing)
        {
            throw new ArgumentNullException(parameter, $"Expected a non-empty value for {parameter}, got null.");
        }

        if (value.IsBlank)
        {
            throw new ArgumentException($"Expected a non-empty value for {parameter}, got '{value}'.", parameter);
        }

        return value.ToString();
    }

    /// <summary>A list of ids: each one given and non-blank; null becomes empty.</summary>
    public static List<string> Ids(IEnumerable<RealtimeKitId>? values, string parameter)
    {
        var list = new List<string>();
        foreach (var value in values ?? [])
        {
            if (value.IsBlank)
            {
                throw new ArgumentException($"Expected every id in {parameter} to be non-empty; item {list.Count} is '{value}'.", parameter);
            }

            list.Add(value.ToString());
        }

        return list;
    }

    /// <summary>A list of texts: each one non-blank; null becomes empty.</summary>
    public static List<string> Texts(IEnumerable<string>? values, string parameter)
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
