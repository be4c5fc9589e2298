package nl.veerkracht.security;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.cli.Arguments;
import nl.veerkracht.cli.Command;
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

  private final AccountRepository accounts;
  private final PasswordEncoder encoder;
  private final AuditLog audit;

  public ResetPasswordCommand(AccountRepository accounts, PasswordEncoder encoder, AuditLog audit) {
    this.accounts = accounts;
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
    boolean changed = accounts.resetPassword(user, encoder.encode(password));
    if (!changed) {
      err.printf("veerkracht reset-password: there is no account '%s'%n", user);
      return REJECTED;
    }
    audit.record("command line", "user.password.reset", null, "user " + user, Map.of());
    out.printf("New password for %s (shown this once): %s%n", user, password);
    return OK;
  }
}
