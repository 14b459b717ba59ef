package io.trustyard.client.trust;

import java.util.Optional;

/**
 * Where key passphrases come from: environment variables, a terminal, a test. Mirrors notary's
 * {@code PassRetriever}: asked again with a higher {@code attempt} after a wrong passphrase.
 */
@FunctionalInterface
public interface PassphraseRetriever {

  /**
   * @param keyName what the prompt shows: the key ID, or {@code <gun>/<key ID>} for a key bound to
   *     one repository
   * @param alias the key's role alias ({@code root}, {@code targets}, {@code snapshot}, or a
   *     delegation/signer name)
   * @param createNew whether the passphrase will encrypt a new key (prompts ask twice)
   * @param attempt 0 for the first ask, then 1, 2, ... after wrong passphrases
   * @return the passphrase, or empty to give up
   * @throws TrustException {@link TrustException.Kind#NO_PASSPHRASE} when none can be obtained
   */
  Optional<char[]> passphrase(String keyName, String alias, boolean createNew, int attempt);
}
