namespace MusicDl.Library;

/// <summary>One piece of a template component: literal text, or a variable (canonical name) when <see cref="IsVariable"/>.</summary>
internal readonly record struct TemplateToken(string Text, bool IsVariable);
