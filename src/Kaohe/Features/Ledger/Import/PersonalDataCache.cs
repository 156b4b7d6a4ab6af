namespace Kaohe.Features.Ledger;

/// <summary>
/// A borrower's key and encrypted ID number, made once per person within one file: the ID repeats on
/// each of the person's contracts, and the HMAC and the AES-GCM call cost microseconds each. One
/// ciphertext for all of a person's rows tells a reader of the database only what the borrower key
/// already tells (which rows are the same person's). Other personal numbers (co-borrower's ID,
/// phone) are encrypted row by row, so that equal values of different people stay unlinkable.
/// </summary>
internal sealed class PersonalDataCache(PersonalDataProtector protector) : IDisposable
{
    private readonly Dictionary<string, (long Key, byte[] Cipher)> _borrowers = new(StringComparer.Ordinal);
    private readonly PersonalDataProtector.BulkEncryptor _encryptor = protector.CreateBulkEncryptor();

    /// <summary>The key and ciphertext of a normalized ID number.</summary>
    public (long Key, byte[] Cipher) Borrower(string idNumber)
    {
        if (_borrowers.TryGetValue(idNumber, out var known)) return known;
        return _borrowers[idNumber] = (protector.BorrowerKey(idNumber), _encryptor.Encrypt(idNumber));
    }

    public byte[]? Encrypt(string? value) => value is null ? null : _encryptor.Encrypt(value);

    public void Dispose() => _encryptor.Dispose();
}
