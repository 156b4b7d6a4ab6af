using System.Text;
using Kaohe.Common.Tabular;

namespace Kaohe.Tests.Infrastructure;

/// <summary>Builds upload files in the encodings people really send.</summary>
public static class Files
{
    public static byte[] Csv(string text, bool gbk = false, bool bom = false)
    {
        var body = (gbk ? TextEncodings.Gb18030 : new UTF8Encoding(false)).GetBytes(text.ReplaceLineEndings("\r\n"));
        return bom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    public static TabularFile Table(byte[] bytes, string name = "upload.csv") => TabularFile.Read(new MemoryStream(bytes), name);
}
