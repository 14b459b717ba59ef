package io.trustyard.client.trust;

import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.core.tuf.model.RoleNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Passphrases from the environment, as the notary CLI and docker take them (spec/notary.md §6.3,
 * §8.6), else from the next retriever (a terminal prompt):
 * <ul>
 *   <li>{@code NOTARY_ROOT_PASSPHRASE}, {@code NOTARY_TARGETS_PASSPHRASE},
 *       {@code NOTARY_SNAPSHOT_PASSPHRASE} for those aliases; {@code NOTARY_DELEGATION_PASSPHRASE}
 *       for any other alias (delegation and signer keys);
 *   <li>{@code DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE} for root,
 *       {@code DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE} for every other alias.
 * </ul>
 * A passphrase from the environment is offered once: if it does not decrypt the key, the error
 * names the variable instead of asking again.
 */
public final class EnvPassphrases implements PassphraseRetriever {
  private final Map<String, String> env;
  private final PassphraseRetriever fallback;

  public EnvPassphrases(Map<String, String> env, PassphraseRetriever fallback) {
    this.env = Map.copyOf(env);
    this.fallback = fallback;
  }

  /** The variables that may hold the passphrase of {@code alias}, most specific first. */
  public static List<String> variablesFor(String alias) {
    List<String> names = new ArrayList<>();
    switch (alias) {
      case RoleNames.ROOT -> {
        names.add("NOTARY_ROOT_PASSPHRASE");
        names.add("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE");
      }
      case RoleNames.TARGETS, RoleNames.SNAPSHOT -> {
        names.add("NOTARY_" + alias.toUpperCase(java.util.Locale.ROOT) + "_PASSPHRASE");
        names.add("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE");
      }
      default -> {
        names.add("NOTARY_DELEGATION_PASSPHRASE");
        names.add("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE");
      }
    }
    return names;
  }

  @Override
  public Optional<char[]> passphrase(String keyName, String alias, boolean createNew, int attempt) {
    for (String name : variablesFor(alias)) {
      String value = env.get(name);
      if (value != null && !value.isEmpty()) {
        if (attempt > 0) {
          throw new TrustException(Kind.WRONG_PASSPHRASE, "the passphrase in " + name
              + " does not decrypt the " + alias + " key " + keyName + "; set the right one or unset "
              + name + " to be asked");
        }
        return Optional.of(value.toCharArray());
      }
    }
    return fallback.passphrase(keyName, alias, createNew, attempt);
  }
}
