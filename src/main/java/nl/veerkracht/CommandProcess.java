package nl.veerkracht;

import org.springframework.core.env.Environment;

/**
 * Whether this process runs one command ({@code backup}, {@code import} ...) and ends, rather than
 * serve. A command may run beside a server on the same database: the server's background work
 * (analysis at start, clean-ups, atelier event streams) is then the server's alone — ten backups
 * beside a server each recomputed the analysis and emptied the upload work folder the server was
 * using.
 */
public final class CommandProcess {

  /** Set by {@link VeerkrachtApplication} when it runs a command. */
  public static final String PROPERTY = "veerkracht.cli";

  /** For {@code @EventListener(condition = ...)}: only in a serving process. */
  public static final String NOT_IN_A_COMMAND =
      "@environment.getProperty('" + PROPERTY + "') != 'true'";

  private CommandProcess() {}

  public static boolean is(Environment environment) {
    return environment.getProperty(PROPERTY, Boolean.class, false);
  }
}
