package nl.veerkracht.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing (bcrypt by default, with the algorithm prefixed); also used by commands. A
 * password just verified is remembered for a few minutes ({@link RememberingPasswordEncoder}).
 */
@Configuration(proxyBeanMethods = false)
public class PasswordConfiguration {

  @Bean
  public PasswordEncoder passwordEncoder() {
    return new RememberingPasswordEncoder(
        PasswordEncoderFactories.createDelegatingPasswordEncoder());
  }
}
