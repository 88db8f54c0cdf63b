using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Invoicing.Bench.Micro;

internal static class Program
{
    /// <summary>
    /// BenchmarkDotNet's usual command line (<c>--filter '*' --job Short</c>, …). The benchmarks always run in this
    /// process: no generated project to build, so a dry run takes seconds. A Debug build is allowed (bench/run.sh
    /// --smoke only proves that they run); bench/run.sh measures a Release build.
    /// </summary>
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(
            args.Contains("--inProcess") ? args : [.. args, "--inProcess"],
            DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator));
}
