namespace MusicDl.Configuration;

public enum BitrateMode
{
    Auto,
    Disable,
    Fixed,
}
