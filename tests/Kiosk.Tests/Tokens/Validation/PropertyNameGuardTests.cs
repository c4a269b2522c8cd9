using System.Text;
using System.Text.Json;
using Kiosk.Tokens.Validation;

namespace Kiosk.Tests.Tokens.Validation;

public sealed class PropertyNameGuardTests
{
    [Theory]
    [InlineData("""{"a":1,"b":2,"c":3}""")]
    [InlineData("""{"a":{"a":1},"b":{"a":2}}""")]
    [InlineData("""{"a":{"x":1},"x":2}""")]
    [InlineData("""{"o":{"p":{"q":1},"q":2},"q":3}""")]
    [InlineData("""{"ab":1,"a":2,"b":3,"ba":4}""")]
    [InlineData("""{"a":[{"a":1},{"a":2}]}""")]
    [InlineData("""{"":1,"a":2}""")]
    public void TryAdd_NamesUniqueWithinEachObject_Accepted(string json) => Assert.True(Walk(json));

    [Theory]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""{"a":1,"b":2,"a":3}""")]
    [InlineData("""{"o":{"x":1,"x":2}}""")]
    [InlineData("""{"o":{"p":{"q":1}},"o":2}""")]
    [InlineData("""{"o":{"p":{"q":1,"q":2}}}""")]
    [InlineData("""{"o":{"p":{}},"z":1,"z":2}""")]
    [InlineData("""{"sub":1,"\u0073ub":2}""")]
    [InlineData("""{"\u00e9":1,"é":2}""")]
    [InlineData("""{"":1,"":2}""")]
    public void TryAdd_NameRepeatedWithinAnObject_Refused(string json) => Assert.False(Walk(json));

    [Fact]
    public void TryAdd_LongNamesDifferingOnlyAtTheEnd_Accepted()
    {
        // Longer than 255 bytes: the stored length needs both of its bytes.
        var a = new string('n', 300);
        Assert.True(Walk($$"""{"{{a}}x":1,"{{a}}y":2}"""));
        Assert.True(Walk($$"""{"{{a}}":1,"{{a}}{{a}}":2}"""));
        Assert.False(Walk($$"""{"{{a}}x":1,"{{a}}x":2}"""));
    }

    [Fact]
    public void TryAdd_NamePrefixOfAnother_NotADuplicate()
    {
        Assert.True(Walk("""{"abc":1,"ab":2}"""));
        Assert.True(Walk("""{"ab":1,"abc":2}"""));
    }

    /// <summary>Feeds every property name of <paramref name="json"/> to a guard; false at the first duplicate.</summary>
    private static bool Walk(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var guard = new PropertyNameGuard(new byte[utf8.Length + 8]);
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    guard.EnterObject();
                    break;
                case JsonTokenType.EndObject:
                    guard.ExitObject();
                    break;
                case JsonTokenType.PropertyName when !guard.TryAdd(ref reader):
                    return false;
            }
        }

        return true;
    }
}
