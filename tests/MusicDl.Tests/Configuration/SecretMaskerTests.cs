using MusicDl.Configuration;

namespace MusicDl.Tests.Configuration;

public sealed class SecretMaskerTests
{
    [Theory]
    [InlineData("localhost:6379,password=abc,ssl=true", "localhost:6379,password=********,ssl=true")]
    [InlineData("password=abc,localhost", "password=********,localhost")]
    [InlineData("host:1, Password = a=b=c", "host:1, Password =********")]
    [InlineData("redis://default:abc@host:6379", "redis://default:********@host:6379")]
    [InlineData("rediss://:abc@host", "rediss://:********@host")]
    [InlineData("localhost:6379", "localhost:6379")]
    public void Passwords_in_connection_strings_are_masked(string value, string masked)
    {
        Assert.Equal(masked, SecretMasker.MaskConnectionString(value));
    }
}
