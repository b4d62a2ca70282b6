namespace Lede.Normalize;

/// <summary>One description fingerprint of one provider, with the number of different pages that carried it.</summary>
/// <param name="Domain">The provider's registrable domain.</param>
/// <param name="Fingerprint">See <see cref="BoilerplateDetector.Fingerprint"/>.</param>
/// <param name="Pages">Different pages seen with it.</param>
/// <param name="LastPage">Fingerprint of the last page seen with it: the same page seen again does not count twice.</param>
public sealed record BoilerplateEntry(string Domain, ulong Fingerprint, int Pages, ulong LastPage);
