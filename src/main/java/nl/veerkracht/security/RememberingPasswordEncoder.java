package nl.veerkracht.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers, for a few minutes, the passwords it has just verified. A
 * script that calls the API with HTTP Basic sends its password with every request, and bcrypt is
 * slow on purpose (tens of milliseconds per check on two cores): a thousand calls spent a minute of
 * processor time hashing the same password. Only a success is remembered, as an HMAC under a key
 * that lives in this process's memory only, of the stored hash together with the password: a
 * changed password (a new stored hash) is never matched by a remembered one, a wrong password is
 * always checked by bcrypt (and counted by the sign-in throttle), and the process holds no
 * password.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

  static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
  private static final int MAX_REMEMBERED = 1_000;

  private final PasswordEncoder delegate;
  private final SecretKeySpec key;
  private final Map<String, Long> verified =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > MAX_REMEMBERED;
        }
      };

  RememberingPasswordEncoder(PasswordEncoder delegate) {
    this.delegate = delegate;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return delegate.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null) {
      return delegate.matches(rawPassword, encodedPassword);
    }
    String seal = seal(rawPassword, encodedPassword);
    long now = System.nanoTime();
    synchronized (verified) {
      Long until = verified.get(seal);
      if (until != null && now - until < 0) {
        return true;
      }
      verified.remove(seal);
    }
    boolean matches = delegate.matches(rawPassword, encodedPassword);
    if (matches) {
      synchronized (verified) {
        verified.put(seal, now + REMEMBERED_FOR.toNanos());
      }
    }
    return matches;
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }

  private String seal(CharSequence rawPassword, String encodedPassword) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
