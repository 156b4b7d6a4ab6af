using System.Buffers.Binary;

namespace Kaohe.Documents;

/// <summary>
/// Cuts one face out of a TrueType collection (.ttc) as a standalone .ttf. A collection is a header
/// listing one sfnt table directory per face, all pointing into shared table data; a standalone font is
/// one such directory followed by the tables it names. PDFsharp reads only standalone fonts.
/// </summary>
public static class TrueTypeCollection
{
    public static bool IsCollection(ReadOnlySpan<byte> font) => font.Length > 12 && font[..4].SequenceEqual("ttcf"u8);

    public static int FaceCount(ReadOnlySpan<byte> ttc) => IsCollection(ttc) ? (int)BinaryPrimitives.ReadUInt32BigEndian(ttc[8..]) : 1;

    public static byte[] ExtractFace(byte[] ttc, int index)
    {
        if (!IsCollection(ttc)) return index == 0 ? ttc : throw new ArgumentOutOfRangeException(nameof(index));
        if (index < 0 || index >= FaceCount(ttc)) throw new ArgumentOutOfRangeException(nameof(index));
        var directory = (int)BinaryPrimitives.ReadUInt32BigEndian(ttc.AsSpan(12 + 4 * index));
        var numTables = BinaryPrimitives.ReadUInt16BigEndian(ttc.AsSpan(directory + 4));
        var headerLength = 12 + 16 * numTables;
        var tables = Enumerable.Range(0, numTables).Select(i =>
        {
            var record = ttc.AsSpan(directory + 12 + 16 * i);
            return (Record: directory + 12 + 16 * i,
                Offset: (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), Length: (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }).ToList();

        var size = headerLength + tables.Sum(t => Align(t.Length));
        var font = new byte[size];
        ttc.AsSpan(directory, headerLength).CopyTo(font);
        var at = headerLength;
        for (var i = 0; i < tables.Count; i++)
        {
            var (_, offset, length) = tables[i];
            ttc.AsSpan(offset, length).CopyTo(font.AsSpan(at));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(12 + 16 * i + 8), (uint)at);
            at += Align(length);
        }
        return font;
    }

    private static int Align(int length) => (length + 3) & ~3;
}
