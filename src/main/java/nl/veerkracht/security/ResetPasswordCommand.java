package nl.veerkracht.security;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.cli.Arguments;
import nl.veerkracht.cli.Command;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * {@code reset-password USER}: for an administrator locked out (or any account), on the machine
 * itself: a new random password, printed once, and the account's lock and failure count cleared.
 * Audited as done on the command line.
 */
@Component
public class ResetPasswordCommand implements Command {

  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final AuditLog audit;

  public ResetPasswordCommand(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.audit = audit;
  }

  @Override
  public String name() {
    return "reset-password";
  }

  @Override
  public String summary() {
    return "Give an account a new random password and lift its lock";
  }

  @Override
  public String usage() {
    return "reset-password USER";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Arguments a = Arguments.parse(args, java.util.Set.of(), java.util.Set.of());
    if (a.positional().size() != 1) {
      throw new Arguments.UsageException("Name one account: " + usage());
    }
    String user = a.positional().get(0);
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    int changed =
        jdbc.sql(
                "UPDATE app_user SET password_hash = :hash, failed_sign_ins = 0, locked_until ="
                    + " NULL, locked_at = NULL WHERE username = :user")
            .param("hash", encoder.encode(password))
            .param("user", user)
            .update();
    if (changed == 0) {
      err.printf("veerkracht reset-password: there is no account '%s'%n", user);
      return REJECTED;
    }
    audit.record("command line", "user.password.reset", null, "user " + user, Map.of());
    out.printf("New password for %s (shown this once): %s%n", user, password);
    return OK;
  }
}
