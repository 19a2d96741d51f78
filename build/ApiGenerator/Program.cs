using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace StratusScan.DataSync.ApiGenerator
{
    /// <summary>
    /// Usage: StratusScan.DataSync.ApiGenerator [--input FILE] [--output FOLDER]
    /// Defaults: every input of the repository this runs in (Generator.Inputs: DataSync's and Organizations'), each
    /// into the output folder it names. Exit code 0 when generated, 1 on a problem in the model or the input, 2 on usage.
    /// </summary>
    internal static class Program
    {
        public static int Main(string[] args)
        {
            string? inputPath = null;
            string? output = null;
            for (int i = 0; i < args.Length; i++)
            {
                string? value = i + 1 < args.Length ? args[i + 1] : null;
                switch (args[i])
                {
                    case "--input" when value != null: inputPath = Path.GetFullPath(value); i++; break;
                    case "--output" when value != null: output = Path.GetFullPath(value); i++; break;
                    default:
                        Console.Error.WriteLine("Usage: StratusScan.DataSync.ApiGenerator [--input FILE] [--output FOLDER]");
                        return 2;
                }
            }

            string? root = Generator.FindRoot(inputPath != null ? Path.GetDirectoryName(inputPath)! : Directory.GetCurrentDirectory())
                ?? Generator.FindRoot(AppContext.BaseDirectory);
            if (root == null)
            {
                Console.Error.WriteLine($"No {Generator.SolutionFile} at or above the input file or the current folder.");
                return 2;
            }
            try
            {
                if (inputPath == null && output != null)
                {
                    Console.Error.WriteLine("--output needs --input: each input names its own folder.");
                    return 2;
                }
                foreach (string path in inputPath != null ? new[] { inputPath } : Generator.Inputs.Select(i => Path.Combine(root, i)))
                {
                    GeneratorInput input = GeneratorInput.Load(root, path);
                    IReadOnlyDictionary<string, string> files = Generator.Generate(input);
                    string folder = output ?? input.FullPath(input.OutputPath);
                    Generator.Write(files, folder);
                    Console.WriteLine($"Generated {files.Count} files in {folder}");
                }
                return 0;
            }
            catch (GeneratorException ex)
            {
                Console.Error.WriteLine("The API code was not generated: " + ex.Message);
                return 1;
            }
        }
    }
}
