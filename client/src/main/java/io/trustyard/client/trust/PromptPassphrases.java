package io.trustyard.client.trust;

import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.core.tuf.model.RoleNames;
import java.io.Console;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Asks for passphrases on a terminal with the texts docker and the notary CLI print (notary's
 * {@code PromptRetrieverWithInOut}): a warning before the first new root passphrase, "Enter
 * passphrase for new root key with ID 27ec255:", a repeat for new keys, a minimum of 8 characters,
 * "Passphrase incorrect. Please retry." after a wrong one, and at most four tries. A passphrase
 * typed for root, or for targets/snapshot, is reused for the same kind of key in this session.
 */
public final class PromptPassphrases implements PassphraseRetriever {

  /** Where prompts go and passphrases come from, without echo. */
  public interface Terminal {
    void print(String text);

    /** The line typed, or null at end of input. */
    char[] readPassword();
  }

  public static final String ROOT_KEY_WARNING = """
      You are about to create a new root signing key passphrase. This passphrase
      will be used to protect the most sensitive key in your signing system. Please
      choose a long, complex passphrase and be careful to keep the password and the
      key file itself secure and backed up. It is highly recommended that you use a
      password manager to generate the passphrase and keep it safe. There will be no
      way to recover this key. You can find the key in your config directory.""";

  /** Docker calls targets, snapshot and delegation keys "repository" keys. */
  public static final Map<String, String> DOCKER_ALIASES = Map.of(
      RoleNames.ROOT, "root", RoleNames.SNAPSHOT, "repository", RoleNames.TARGETS, "repository",
      "default", "repository");

  private static final int ID_CHARS = 7;

  private final Terminal terminal;
  private final Map<String, String> aliases;
  private final Map<String, char[]> typed = new HashMap<>();

  public PromptPassphrases(Terminal terminal, Map<String, String> aliases) {
    this.terminal = terminal;
    this.aliases = Map.copyOf(aliases);
  }

  /**
   * Prompts on the process's console; when there is none (input or output not a terminal) every
   * request fails with an error saying which variable to set.
   */
  public static PassphraseRetriever console(Map<String, String> aliases) {
    Console console = System.console();
    if (console == null) {
      return (keyName, alias, createNew, attempt) -> {
        throw new TrustException(Kind.NO_PASSPHRASE, "a passphrase is needed for the " + alias + " key "
            + keyName + " but there is no terminal to ask on; set "
            + String.join(" or ", EnvPassphrases.variablesFor(alias)));
      };
    }
    return new PromptPassphrases(new Terminal() {
      @Override
      public void print(String text) {
        PrintStream out = System.err;
        out.print(text);
        out.flush();
      }

      @Override
      public char[] readPassword() {
        return console.readPassword();
      }
    }, aliases);
  }

  @Override
  public synchronized Optional<char[]> passphrase(String keyName, String alias, boolean createNew, int attempt) {
    if (alias.equals(RoleNames.ROOT) && createNew && attempt == 0) {
      terminal.print(ROOT_KEY_WARNING + "\n");
    }
    if (attempt > 0 && !createNew) {
      terminal.print("Passphrase incorrect. Please retry.\n");
    }
    String display = aliases.getOrDefault(alias, RoleNames.isBaseRole(alias) ? alias
        : aliases.getOrDefault("default", alias));
    String cacheKey = alias.equals(RoleNames.ROOT) ? "root"
        : alias.equals(RoleNames.TARGETS) || alias.equals(RoleNames.SNAPSHOT) ? "repository" : null;
    if (attempt == 0 && cacheKey != null && typed.containsKey(cacheKey)) {
      return Optional.of(typed.get(cacheKey).clone());
    }
    if (attempt > 3 && !createNew) {
      return Optional.empty();
    }
    String withId = withId(keyName);
    if (createNew) {
      terminal.print("Enter passphrase for new " + display + " key" + withId + ": ");
    } else {
      terminal.print("Enter passphrase for " + display + " key" + withId + ": ");
    }
    char[] entered = read();
    if (!createNew) {
      remember(cacheKey, entered);
      return Optional.of(entered);
    }
    if (entered.length < 8) {
      terminal.print("Passphrase is too short. Please use a password manager to generate and store a good"
          + " random passphrase.\n");
      Arrays.fill(entered, '\0');
      return retryOrGiveUp(attempt);
    }
    terminal.print("Repeat passphrase for new " + display + " key" + withId + ": ");
    char[] again = read();
    boolean same = Arrays.equals(entered, again);
    Arrays.fill(again, '\0');
    if (!same) {
      terminal.print("Passphrases do not match. Please retry.\n");
      Arrays.fill(entered, '\0');
      return retryOrGiveUp(attempt);
    }
    remember(cacheKey, entered);
    return Optional.of(entered);
  }

  private Optional<char[]> retryOrGiveUp(int attempt) {
    if (attempt >= 3) {
      throw new TrustException(Kind.NO_PASSPHRASE, "no acceptable passphrase was entered");
    }
    return Optional.of(new char[0]);
  }

  private void remember(String cacheKey, char[] passphrase) {
    if (cacheKey != null) {
      typed.put(cacheKey, passphrase.clone());
    }
  }

  private char[] read() {
    char[] line = terminal.readPassword();
    if (line == null) {
      throw new TrustException(Kind.NO_PASSPHRASE, "no passphrase was entered (end of input)");
    }
    return line;
  }

  /** " with ID 27ec255", or " with ID 58233f9 (gun)" for a key named {@code <gun>/<id>}. */
  static String withId(String keyName) {
    int slash = keyName.lastIndexOf('/');
    String id = slash < 0 ? keyName : keyName.substring(slash + 1);
    if (id.length() < ID_CHARS) {
      return "";
    }
    String shortId = id.substring(0, ID_CHARS);
    return " with ID " + (slash < 0 ? shortId : shortId + " (" + keyName.substring(0, slash) + ")");
  }
}
