using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(StripeModelGen.Benchmarks.LoadModelBenchmarks).Assembly).Run(args);
