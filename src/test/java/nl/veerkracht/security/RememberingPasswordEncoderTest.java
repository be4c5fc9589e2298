package nl.veerkracht.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTest {

  /** Counts how often bcrypt itself is asked. */
  static final class Counting implements PasswordEncoder {
    final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final AtomicInteger checks = new AtomicInteger();

    @Override
    public String encode(CharSequence raw) {
      return real.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      checks.incrementAndGet();
      return real.matches(raw, encoded);
    }
  }

  @Test
  void aVerifiedPasswordIsNotHashedAgainButAWrongOneAlwaysIs() {
    Counting bcrypt = new Counting();
    RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(bcrypt);
    String stored = encoder.encode("rita-password");

    for (int i = 0; i < 5; i++) {
      assertThat(encoder.matches("rita-password", stored)).isTrue();
    }
    assertThat(bcrypt.checks).as("bcrypt once, then remembered").hasValue(1);

    for (int i = 0; i < 3; i++) {
      assertThat(encoder.matches("rita-passwort", stored)).isFalse();
    }
    assertThat(bcrypt.checks).as("every wrong password goes through bcrypt").hasValue(4);
  }

  @Test
  void aChangedPasswordIsNeverMatchedByTheOneRemembered() {
    Counting bcrypt = new Counting();
    RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(bcrypt);
    String before = encoder.encode("old-password");
    assertThat(encoder.matches("old-password", before)).isTrue();

    String after = encoder.encode("new-password");
    assertThat(encoder.matches("old-password", after)).isFalse();
    assertThat(encoder.matches("new-password", after)).isTrue();
    // the same password stored again (a new salt) is checked once more
    String again = encoder.encode("old-password");
    assertThat(encoder.matches("old-password", again)).isTrue();
    assertThat(bcrypt.checks).hasValue(4);
  }
}
