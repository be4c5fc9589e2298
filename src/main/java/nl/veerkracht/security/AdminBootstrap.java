package nl.veerkracht.security;

import java.security.SecureRandom;
import nl.veerkracht.VeerkrachtProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates user {@code admin} on the first start of the server: with {@code
 * VEERKRACHT_ADMIN_PASSWORD} when set, otherwise with a random password that is printed once.
 */
@Component
public class AdminBootstrap {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final UserAccounts accounts;
  private final VeerkrachtProperties properties;

  private final org.springframework.core.env.Environment environment;

  public AdminBootstrap(
      UserAccounts accounts,
      VeerkrachtProperties properties,
      org.springframework.core.env.Environment environment) {
    this.accounts = accounts;
    this.properties = properties;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void createFirstAdministrator() {
    // A command (backup, import ...) leaves it to the server: the password is printed or taken
    // from the environment where the person who starts the server looks for it.
    if (accounts.count() > 0
        || environment.getProperty("veerkracht.restoring", Boolean.class, false)
        || nl.veerkracht.CommandProcess.is(environment)) {
      return;
    }
    String password = properties.admin().password();
    boolean generated = password == null || password.isBlank();
    if (generated) {
      password = randomPassword();
    }
    if (!accounts.createFirstAdministrator("admin", password, "Beheerder")) {
      log.info("Another instance created the first administrator; this one leaves it at that");
      return;
    }
    if (generated) {
      // Printed once, on purpose: there is no other way to learn it.
      System.out.println();
      System.out.println("==============================================================");
      System.out.println(" Veerkracht created user 'admin' with password: " + password);
      System.out.println(" It is shown only now. Set VEERKRACHT_ADMIN_PASSWORD to choose one.");
      System.out.println("==============================================================");
      System.out.println();
    } else {
      log.info("Created user 'admin' with the password from VEERKRACHT_ADMIN_PASSWORD");
    }
  }

  static String randomPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
