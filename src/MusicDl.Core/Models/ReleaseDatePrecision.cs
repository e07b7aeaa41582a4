namespace MusicDl.Models;

public enum ReleaseDatePrecision
{
    Year,
    Month,
    Day,
}
