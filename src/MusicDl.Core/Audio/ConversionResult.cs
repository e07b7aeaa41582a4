namespace MusicDl.Audio;

/// <summary>A finished conversion: the file written and the plan used (whether the stream was copied, any note).</summary>
public sealed record ConversionResult(string OutputPath, ConversionPlan Plan, IReadOnlyList<string> Arguments);
