package nl.veerkracht.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads accounts from {@code app_user}: staff get {@code ROLE_STAFF}, partner accounts (of an
 * organisation) {@code ROLE_PARTNER} instead; administrators get {@code ROLE_ADMIN}; an account
 * that {@link SignInThrottle} locked is refused until its lock ends (from its usual address: after
 * a short wait).
 */
@Service
public class AppUserDetailsService implements UserDetailsService {

  private final AccountRepository accounts;

  public AppUserDetailsService(AccountRepository accounts) {
    this.accounts = accounts;
  }

  /**
   * The address the request comes from: a locked account's right password from its usual address
   * passes after a short wait.
   */
  private static String address() {
    return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
            instanceof org.springframework.web.context.request.ServletRequestAttributes a
        ? a.getRequest().getRemoteAddr()
        : "";
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return accounts
        .forSignIn(username, address(), SignInThrottle.USUAL_ADDRESS_WAIT_SECONDS)
        .map(
            a -> {
              List<GrantedAuthority> authorities = new ArrayList<>();
              // a partner account reads what was shared with its organisation, nothing else
              authorities.add(
                  new SimpleGrantedAuthority(a.partner() ? CurrentUser.PARTNER : "ROLE_STAFF"));
              if (a.administrator()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
              }
              if (a.dataSteward()) {
                authorities.add(new SimpleGrantedAuthority(CurrentUser.DATA_STEWARD));
              }
              return User.withUsername(a.username())
                  .password(a.passwordHash())
                  .disabled(!a.enabled())
                  .accountLocked(a.locked())
                  .authorities(authorities)
                  .build();
            })
        .orElseThrow(() -> new UsernameNotFoundException("No such user"));
  }
}
