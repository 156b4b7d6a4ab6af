using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger;

/// <summary>What can be wrong with the payment columns of a row, taken together.</summary>
[Flags]
public enum PaymentProblems
{
    None = 0,
    PaidWithoutDate = 1,
    DateWithoutPaid = 2,
}

/// <summary>
/// The six payment columns of a 还款计划 row (应还日期, 应还本金, 应还利息, 实还本金, 实还利息, 实还日期):
/// their rules, and the split of a row's tail into them for the validator's fast path.
/// </summary>
internal static class Payments
{
    public const int Fields = 6;

    /// <summary>
    /// A paid amount needs 实还日期 and 实还日期 needs a paid amount. 实还 above 应还 is not a problem: penalty interest and
    /// overpayment are real (<see cref="Overpaid"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PaymentProblems Check(long paidPrincipal, long paidInterest, bool noPaidDate, int paidDay)
    {
        var p = PaymentProblems.None;
        if (paidPrincipal + paidInterest > 0 && noPaidDate) p |= PaymentProblems.PaidWithoutDate;
        if (paidPrincipal == 0 && paidInterest == 0 && paidDay >= 0) p |= PaymentProblems.DateWithoutPaid;
        return p;
    }

    /// <summary>An optional paid amount, <c>line[start..end]</c>: 0 when empty (as <see cref="InstalmentValidator.TryParse"/> reads it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Optional(ReadOnlySpan<byte> line, int start, int end) => start == end ? 0 : Yuan.ParseFen(line, start, end);

    /// <summary>Where each of the six fields of a row's tail ends (on the stack, without the checks of a stackalloc'd buffer).</summary>
    [InlineArray(Fields)]
    public struct Ends
    {
        private int _first;
    }

    private static readonly Vector256<byte> Commas = Vector256.Create((byte)','), Newlines = Vector256.Create((byte)'\n'), Quotes = Vector256.Create((byte)'"');

    /// <summary>
    /// The end of each of the six fields of the row tail at the start of <paramref name="rest"/>, and the tail's length with
    /// its line break; false unless the line holds exactly six fields, no quote, and its break is in <paramref name="rest"/>.
    /// </summary>
    public static bool Split(ReadOnlySpan<byte> rest, ref Ends ends, out int length)
    {
        (var n, var i, length) = (0, 0, 0);
        if (Vector256.IsHardwareAccelerated && rest.Length >= 64)
        {
            // A tail of the bank's form (≈ 50 bytes) ends within 64: its five commas are taken from one 64-bit mask, without a loop.
            ref var start = ref MemoryMarshal.GetReference(rest);
            var (low, high) = (Vector256.LoadUnsafe(ref start), Vector256.LoadUnsafe(ref start, 32));
            var newlines = Mask(low, high, Newlines);
            if (newlines != 0)
            {
                var before = unchecked((newlines & (0UL - newlines)) - 1); // the bits below the first line break
                var commas = Mask(low, high, Commas) & before;
                if ((Mask(low, high, Quotes) & before) != 0 || BitOperations.PopCount(commas) != Fields - 1) return false;
                for (var f = 0; f < Fields - 1; f++, commas &= commas - 1) ends[f] = BitOperations.TrailingZeroCount(commas);
                return End(rest, ref ends, Fields - 1, BitOperations.TrailingZeroCount(newlines), out length);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            ref var origin = ref MemoryMarshal.GetReference(rest);
            for (; i + 32 <= rest.Length; i += 32)
            {
                var v = Vector256.LoadUnsafe(ref origin, (nuint)i);
                var newline = Vector256.Equals(v, Newlines).ExtractMostSignificantBits();
                var before = newline == 0 ? uint.MaxValue : unchecked((newline & (0u - newline)) - 1);
                if ((Vector256.Equals(v, Quotes).ExtractMostSignificantBits() & before) != 0) return false;
                for (var mask = Vector256.Equals(v, Commas).ExtractMostSignificantBits() & before; mask != 0; mask &= mask - 1)
                {
                    if (n == Fields - 1) return false;
                    ends[n++] = i + BitOperations.TrailingZeroCount(mask);
                }
                if (newline != 0) return End(rest, ref ends, n, i + BitOperations.TrailingZeroCount(newline), out length);
            }
        }
        for (; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == '\n') return End(rest, ref ends, n, i, out length);
            if (c == '"' || (c == ',' && n == Fields - 1)) return false;
            if (c == ',') ends[n++] = i;
        }
        return false;
    }

    /// <summary>The positions of <paramref name="c"/> in 64 bytes, one bit each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask(Vector256<byte> low, Vector256<byte> high, Vector256<byte> c) =>
        Vector256.Equals(low, c).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(high, c).ExtractMostSignificantBits() << 32);

    private static bool End(ReadOnlySpan<byte> rest, ref Ends ends, int n, int newline, out int length)
    {
        ends[n] = newline > 0 && rest[newline - 1] == '\r' ? newline - 1 : newline;
        length = newline + 1;
        return n == Fields - 1;
    }
}
