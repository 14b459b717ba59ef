package io.trustyard.signer.keys;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the passphrases of key aliases come from. notary-signer reads the passphrase of alias
 * {@code x} from the environment variable {@code NOTARY_SIGNER_X} (upper case, dots become
 * underscores); several aliases can be configured at once so that keys stored under an older
 * alias stay readable after the default alias changes.
 */
@FunctionalInterface
public interface Passphrases {

  /** An alias is a short name used in an environment variable and a 50-character column. */
  Pattern ALIAS = Pattern.compile("[A-Za-z0-9_.-]{1,50}");
  String ENV_PREFIX = "NOTARY_SIGNER_";

  /** The passphrase of {@code alias}, or empty when none is configured. The caller wipes it. */
  Optional<char[]> forAlias(String alias);

  /** notary-signer's rule over the given environment (normally {@code System.getenv()}). */
  static Passphrases fromEnvironment(Map<String, String> env) {
    Map<String, String> copy = Map.copyOf(env);
    return alias -> {
      if (!ALIAS.matcher(alias).matches()) {
        return Optional.empty();
      }
      String value = copy.get(environmentVariable(alias));
      return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value.toCharArray());
    };
  }

  /** One fixed passphrase for every alias (the {@code memory} backend, tests). */
  static Passphrases constant(String passphrase) {
    Objects.requireNonNull(passphrase, "passphrase");
    return alias -> Optional.of(passphrase.toCharArray());
  }

  /** The environment variable holding the passphrase of {@code alias}. */
  static String environmentVariable(String alias) {
    return ENV_PREFIX + alias.toUpperCase(Locale.ROOT).replace('.', '_');
  }
}
