using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RealtimeKit.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RealtimeKit.Generator.Checking;

/// <summary>
/// Converts YAML text to a JSON tree using the YAML 1.2 core schema (quoted scalars stay strings), and
/// records where every value stood so later stages can report problems on the right line.
/// </summary>
public static partial class YamlToJson
{
    /// <summary>Converts <paramref name="yaml"/>; throws <see cref="SpecException"/> on anything with no JSON meaning.</summary>
    public static (JsonNode Json, SourceMap Map) Convert(string yaml, string file)
    {
        var map = new SourceMap(file);
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Trim();
            throw new SpecException(new SpecDiagnostic(DiagnosticCodes.YamlSyntax, message, file, (int)e.Start.Line, (int)e.Start.Column));
        }
        catch (InvalidOperationException)
        {
            // The scanner gives up without a position on some unterminated constructs; the last event read is where it stopped.
            var mark = parser.Current?.Start ?? Mark.Empty;
            throw new SpecException(new SpecDiagnostic(DiagnosticCodes.YamlSyntax, "Unexpected end of a YAML construct (an unclosed bracket or quote?).", file, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column)));
        }

        if (stream.Documents.Count != 1)
        {
            throw new SpecException(new SpecDiagnostic(DiagnosticCodes.YamlSyntax, $"Expected exactly one YAML document, found {stream.Documents.Count}.", file, 1, 1));
        }

        var converter = new Converter(map);
        var json = converter.ConvertNode(stream.Documents[0].RootNode, string.Empty)
            ?? throw new SpecException(new SpecDiagnostic(DiagnosticCodes.YamlSyntax, "The document is empty.", file, 1, 1));
        return (json, map);
    }

    private sealed class Converter(SourceMap map)
    {
        // Aliases resolve to the node they name; a node met again on its own path is a cycle JSON cannot hold.
        private readonly HashSet<YamlNode> _onPath = new(ReferenceEqualityComparer.Instance);

        public JsonNode? ConvertNode(YamlNode node, string pointer)
        {
            map.Add(pointer, (int)node.Start.Line, (int)node.Start.Column);
            if (!_onPath.Add(node))
            {
                throw Error(node, DiagnosticCodes.YamlUnsupported, "A YAML alias refers to a node that contains it; JSON cannot represent the cycle.");
            }

            try
            {
                return node switch
                {
                    YamlMappingNode mapping => ConvertMapping(mapping, pointer),
                    YamlSequenceNode sequence => ConvertSequence(sequence, pointer),
                    YamlScalarNode scalar => ConvertScalar(scalar),
                    _ => throw Error(node, DiagnosticCodes.YamlUnsupported, $"Unsupported YAML node '{node.NodeType}'."),
                };
            }
            finally
            {
                _onPath.Remove(node);
            }
        }

        private JsonObject ConvertMapping(YamlMappingNode mapping, string pointer)
        {
            var result = new JsonObject();
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { } key })
                {
                    throw Error(keyNode, DiagnosticCodes.YamlUnsupported, "Mapping keys must be plain scalars.");
                }

                if (key == "<<" && keyNode is YamlScalarNode { Style: ScalarStyle.Plain })
                {
                    throw Error(keyNode, DiagnosticCodes.YamlUnsupported, "YAML merge keys ('<<') are not supported; write the properties out or use $ref.");
                }

                // Duplicate keys never get here: YamlDotNet refuses them while loading ("Duplicate key a").
                var childPointer = pointer + "/" + SourceMap.Escape(key);
                result[key] = ConvertNode(valueNode, childPointer);
                // The key's own position is what an editor should jump to for "this property".
                map.Add(childPointer, (int)keyNode.Start.Line, (int)keyNode.Start.Column);
            }

            return result;
        }

        private JsonArray ConvertSequence(YamlSequenceNode sequence, string pointer)
        {
            var result = new JsonArray();
            var index = 0;
            foreach (var item in sequence.Children)
            {
                result.Add(ConvertNode(item, pointer + "/" + index.ToString(CultureInfo.InvariantCulture)));
                index++;
            }

            return result;
        }

        private JsonValue? ConvertScalar(YamlScalarNode scalar)
        {
            var value = scalar.Value ?? string.Empty;
            var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
            if (tag is "tag:yaml.org,2002:str" or "!")
            {
                return JsonValue.Create(value);
            }

            if (tag is not null && tag != "?")
            {
                throw Error(scalar, DiagnosticCodes.YamlUnsupported, $"YAML tag '{tag}' is not supported; only plain, quoted and !!str scalars are.");
            }

            if (scalar.Style != ScalarStyle.Plain)
            {
                return JsonValue.Create(value);
            }

            return ResolvePlain(scalar, value);
        }

        // The YAML 1.2 core schema, which is what OpenAPI tools expect (no YAML 1.1 yes/no/on/off booleans).
        private JsonValue? ResolvePlain(YamlScalarNode scalar, string value)
        {
            switch (value)
            {
                case "" or "~" or "null" or "Null" or "NULL":
                    return null;
                case "true" or "True" or "TRUE":
                    return JsonValue.Create(true);
                case "false" or "False" or "FALSE":
                    return JsonValue.Create(false);
            }

            // Integers of any size and with leading zeros (007), which JSON's number text does not allow as written.
            if (DecimalInteger().IsMatch(value))
            {
                return Number(BigInteger.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
            }

            if (value.StartsWith("0o", StringComparison.Ordinal) && OctalDigits().IsMatch(value[2..]))
            {
                return Number(value[2..].Aggregate(BigInteger.Zero, (total, digit) => (total * 8) + (digit - '0')));
            }

            if (value.StartsWith("0x", StringComparison.Ordinal) && HexDigits().IsMatch(value[2..]))
            {
                // The leading 0 keeps BigInteger from reading a high first digit as a sign.
                return Number(BigInteger.Parse("0" + value[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            }

            if (Float().IsMatch(value))
            {
                return Number(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
            }

            if (Infinity().IsMatch(value) || value is ".nan" or ".NaN" or ".NAN")
            {
                throw Error(scalar, DiagnosticCodes.YamlUnsupported, $"'{value}' has no JSON representation.");
            }

            return JsonValue.Create(value);
        }

        // Numbers are kept as JSON text, so readers can take them as int, long, double or decimal alike.
        private static JsonValue Number(string json) => JsonNode.Parse(json)!.AsValue();

        private static JsonValue Number(BigInteger value) => Number(value.ToString(CultureInfo.InvariantCulture));

        private SpecException Error(YamlNode node, string code, string message) =>
            new(new SpecDiagnostic(code, message, map.File, (int)node.Start.Line, (int)node.Start.Column));
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^[0-7]+$")]
    private static partial Regex OctalDigits();

    [GeneratedRegex("^[0-9a-fA-F]+$")]
    private static partial Regex HexDigits();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^[-+]?\.(inf|Inf|INF)$")]
    private static partial Regex Infinity();
}
