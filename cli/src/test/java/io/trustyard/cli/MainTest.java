package io.trustyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  @Test
  void printsItsVersionAndRejectsAnUnknownCommand() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--version")).isZero();
    assertThat(out.toString()).startsWith("trustyard ");

    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("no-such-command")).isEqualTo(2);
    assertThat(err.toString()).contains("no-such-command");
  }

  @Test
  void aCommandLineNamingACommandBuildsOnlyThatCommand() {
    assertThat(Main.newCommandLine(new String[] {"notary", "key", "list"}).getSubcommands()).containsOnlyKeys("notary");
    assertThat(Main.newCommandLine(new String[] {"image", "ls"}).getSubcommands()).containsOnlyKeys("image");
    // Help, options first and unknown words see every command, in the order help lists them.
    for (String[] args : new String[][] {{}, {"--help"}, {"help", "notary"}, {"no-such-command"}}) {
      assertThat(Main.newCommandLine(args).getSubcommands().keySet())
          .containsExactlyElementsOf(Main.newCommandLine().getSubcommands().keySet());
    }
    assertThat(Main.newCommandLine().getSubcommands())
        .containsKeys("help", "serve", "image", "login", "logout", "notary", "trust", "sandbox");
  }

  @Test
  void aPrunedCommandLineRunsItsCommandAsTheFullOneDoes() {
    String[] args = {"notary", "--help"};
    StringWriter pruned = new StringWriter();
    StringWriter full = new StringWriter();
    assertThat(Main.newCommandLine(args).setOut(new PrintWriter(pruned)).execute(args)).isZero();
    assertThat(Main.newCommandLine().setOut(new PrintWriter(full)).execute(args)).isZero();
    assertThat(pruned.toString()).isEqualTo(full.toString()).contains("Usage: trustyard notary");
  }
}
