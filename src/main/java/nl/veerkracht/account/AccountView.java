package nl.veerkracht.account;

import java.util.List;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.ApiTokens;

/**
 * What {@code /mijn-account} shows. {@code created} only on the answer to the form that made it.
 */
public record AccountView(
    String username,
    List<AccountView.Token> tokens,
    ApiTokens.Created created,
    String typedName,
    Text done,
    Text error,
    boolean mustChangePassword) {

  /** A token as the page lists it. */
  public record Token(long id, String name, String created, String lastUsed, boolean revoked) {}
}
