package nl.veerkracht.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private final JdbcClient jdbc;

  public AppUserDetailsService(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
    return jdbc.sql(
            "SELECT username, password_hash, administrator, enabled, data_steward,"
                + " coalesce(locked_until > now(), false) AND NOT coalesce(usual_address = ?"
                + " AND locked_at < now() - make_interval(secs => ?), false) AS locked,"
                + " organisation_id IS NOT NULL AS partner FROM app_user WHERE username = ?")
        .params(address(), SignInThrottle.USUAL_ADDRESS_WAIT_SECONDS, username)
        .query(
            (rs, n) -> {
              List<GrantedAuthority> authorities = new ArrayList<>();
              // a partner account reads what was shared with its organisation, nothing else
              authorities.add(
                  new SimpleGrantedAuthority(
                      rs.getBoolean("partner") ? CurrentUser.PARTNER : "ROLE_STAFF"));
              if (rs.getBoolean("administrator")) {
                authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
              }
              if (rs.getBoolean("data_steward")) {
                authorities.add(new SimpleGrantedAuthority(CurrentUser.DATA_STEWARD));
              }
              return User.withUsername(rs.getString("username"))
                  .password(rs.getString("password_hash"))
                  .disabled(!rs.getBoolean("enabled"))
                  .accountLocked(rs.getBoolean("locked"))
                  .authorities(authorities)
                  .build();
            })
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("No such user"));
  }
}
