package nl.veerkracht.support;

import com.microsoft.playwright.Page;

/** Logs in through the login form. */
public final class Login {
  private Login() {}

  public static void as(Page page, int port, String user, String password) {
    page.navigate("http://localhost:" + port + "/login");
    page.fill("#username", user);
    page.fill("#password", password);
    page.click("#login-submit");
    page.waitForURL(url -> !url.contains("/login"));
  }
}
