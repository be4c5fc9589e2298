package nl.veerkracht.cli;

import java.io.PrintStream;
import java.util.List;

/** A sub-command of the jar ({@code java -jar veerkracht.jar NAME ...}). */
public interface Command {

  int OK = 0;
  int REJECTED = 1;
  int USAGE = 2;

  String name();

  /** One line for {@code --help}. */
  String summary();

  /** Usage text printed with a usage error. */
  String usage();

  /**
   * Runs the command; returns the process exit code.
   *
   * @param args the arguments after the command name
   * @throws Arguments.UsageException on wrong use (exit code 2)
   */
  int run(List<String> args, PrintStream out, PrintStream err);
}
