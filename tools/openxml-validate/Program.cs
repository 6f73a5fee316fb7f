// openxml-validate: checks .xlsx files against the Office Open XML schemas with Microsoft's Open XML SDK.
// Prints one line per validation error (file, part, path, description) and exits 1 when there is any,
// 2 when a file cannot be opened or the command line is wrong, 0 when every file is valid.
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

var format = FileFormatVersions.Office2007;
var files = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--format" && i + 1 < args.Length)
    {
        if (!Enum.TryParse(args[++i], out format) || !Enum.IsDefined(format))
        {
            Console.Error.WriteLine($"openxml-validate: unknown --format {args[i]} (e.g. Office2007, Office2010, Microsoft365)");
            return 2;
        }
    }
    else if (args[i].StartsWith("--"))
    {
        Console.Error.WriteLine($"openxml-validate: unknown option {args[i]}");
        return 2;
    }
    else files.Add(args[i]);
}
if (files.Count == 0)
{
    Console.Error.WriteLine("usage: openxml-validate [--format Office2007|Office2010|...|Microsoft365] FILE.xlsx...");
    return 2;
}

// No cap on the error count: the point is to see every one of them.
var validator = new OpenXmlValidator(format) { MaxNumberOfErrors = 0 };
var errors = 0;
foreach (var file in files)
{
    try
    {
        using var document = SpreadsheetDocument.Open(file, false);
        foreach (var error in validator.Validate(document))
        {
            errors++;
            var part = error.Part?.Uri.ToString() ?? "(package)";
            var path = error.Path?.XPath ?? "";
            Console.WriteLine($"{file}: {part} {path}: {OneLine(error.Description)} [{error.Id}]");
        }
    }
    catch (Exception e) when (e is IOException or OpenXmlPackageException or InvalidDataException or UnauthorizedAccessException)
    {
        Console.WriteLine($"{file}: cannot open: {OneLine(e.Message)}");
        return 2;
    }
}
Console.WriteLine($"openxml-validate: {errors} error(s) in {files.Count} file(s) against {format}");
return errors == 0 ? 0 : 1;

static string OneLine(string? text) => (text ?? "").ReplaceLineEndings(" ").Trim();
