using System.Text;
using System.Text.Json;
using Kiosk.Tokens.Validation;

namespace Kiosk.Tests.Tokens.Validation;

public sealed class GuardedJsonObjectTests
{
    [Fact]
    public void TryWalk_Object_VisitsOnlyTopLevelNamesInOrder()
    {
        var visitor = new RecordingVisitor { Seen = [] };
        Assert.True(Walk("""{"a":1,"o":{"b":{"c":2}},"arr":[{"d":3}],"e":"x"}""", ref visitor));
        Assert.Equal(["a", "o", "arr", "e"], visitor.Seen);
    }

    [Fact]
    public void TryWalk_NameOfANestedObjectAgainAtTheTop_NotADuplicate()
    {
        var visitor = new RecordingVisitor { Seen = [] };
        Assert.True(Walk("""{"o":{"b":1},"b":2}""", ref visitor));
        Assert.Equal(["o", "b"], visitor.Seen);
    }

    [Fact]
    public void TryWalk_EmptyObject_VisitsNothing()
    {
        var visitor = new RecordingVisitor { Seen = [] };
        Assert.True(Walk("{}", ref visitor));
        Assert.Empty(visitor.Seen);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("{")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":1} x")]
    [InlineData("{\"a\":1}{}")]
    [InlineData("{'a':1}")]
    [InlineData("{\"a\":1 /* c */}")]
    public void TryWalk_NotExactlyOneJsonObject_Refused(string json)
    {
        var visitor = new RecordingVisitor { Seen = [] };
        Assert.False(Walk(json, ref visitor));
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""", "a")]
    [InlineData("""{"o":{"b":1,"b":2}}""", "o")]
    public void TryWalk_DuplicateName_RefusedBeforeTheVisitorSeesIt(string json, string onlySeen)
    {
        var visitor = new RecordingVisitor { Seen = [] };
        Assert.False(Walk(json, ref visitor));
        Assert.Equal([onlySeen], visitor.Seen);
    }

    [Fact]
    public void TryWalk_InvalidUtf8_Refused()
    {
        var visitor = new RecordingVisitor { Seen = [] };
        Assert.False(GuardedJsonObject.TryWalk([(byte)'{', (byte)'"', 0xC3, (byte)'"', (byte)':', (byte)'1', (byte)'}'], ref visitor));
        Assert.False(GuardedJsonObject.TryWalk([0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'], ref visitor));
    }

    [Fact]
    public void TryWalk_NestingAtTheGuardLimit_AcceptedOneDeeperRefused()
    {
        var visitor = new RecordingVisitor { Seen = [] };
        Assert.True(Walk(Nested(PropertyNameGuard.MaxDepth), ref visitor));
        Assert.False(Walk(Nested(PropertyNameGuard.MaxDepth + 1), ref visitor));
    }

    [Fact]
    public void TryWalk_VisitorRefuses_StopsAndRefuses()
    {
        var visitor = new RecordingVisitor { Seen = [], RefuseName = "b" };
        Assert.False(Walk("""{"a":1,"b":2,"c":3}""", ref visitor));
        Assert.Equal(["a", "b"], visitor.Seen);
    }

    [Fact]
    public void TryWalk_VisitorReadsValueAsWrongType_RefusedNotThrown()
    {
        var visitor = new RecordingVisitor { Seen = [], ReadInt32 = true };
        Assert.False(Walk("""{"a":"text"}""", ref visitor));
    }

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1);

    private static bool Walk(string json, ref RecordingVisitor visitor) => GuardedJsonObject.TryWalk(Encoding.UTF8.GetBytes(json), ref visitor);

    private struct RecordingVisitor : ITopLevelPropertyVisitor
    {
        public List<string> Seen;
        public string? RefuseName;
        public bool ReadInt32;

        public readonly bool Visit(ref Utf8JsonReader reader)
        {
            var name = reader.GetString()!;
            Seen.Add(name);
            if (ReadInt32)
            {
                reader.Read();
                _ = reader.GetInt32();
            }

            return name != RefuseName;
        }
    }
}
