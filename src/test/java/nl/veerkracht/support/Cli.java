package nl.veerkracht.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.veerkracht.cli.CommandLine;

/**
 * Runs a command of the jar in the test's application context; fails the test unless it exits 0.
 */
public final class Cli {

  private Cli() {}

  public static void run(CommandLine commandLine, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertThat(commandLine.run(List.of(args), p, p))
        .as(out.toString(StandardCharsets.UTF_8))
        .isZero();
  }
}
