package nl.veerkracht.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Playwright driving Debian's Chromium ({@code /usr/bin/chromium}, installed by {@code .ci/run});
 * Playwright's own browser download is switched off.
 */
public final class Browser implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private final Playwright playwright;
  private final com.microsoft.playwright.Browser browser;

  public Browser() {
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(executable())
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
  }

  static Path executable() {
    String configured = System.getenv("CHROMIUM");
    Path path = Path.of(configured != null ? configured : "/usr/bin/chromium");
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(
          path + " is missing: run .ci/run (apt-get install -y chromium) first");
    }
    return path;
  }

  public BrowserContext context(String locale) {
    return browser.newContext(
        new NewContextOptions()
            .setLocale(locale)
            .setViewportSize(1400, 1000)
            .setAcceptDownloads(true));
  }

  /**
   * A desktop context of a given size: a facilitator's laptop (1366×768), a projector (1920×1080).
   */
  public BrowserContext context(String locale, int width, int height) {
    return browser.newContext(
        new NewContextOptions()
            .setLocale(locale)
            .setViewportSize(width, height)
            .setAcceptDownloads(true));
  }

  /** A phone: 390×844 CSS pixels, touch, as the first-hour screenshots are taken. */
  public BrowserContext phoneContext(String locale) {
    return browser.newContext(
        new NewContextOptions()
            .setLocale(locale)
            .setViewportSize(390, 844)
            .setDeviceScaleFactor(2)
            .setIsMobile(true)
            .setHasTouch(true)
            .setAcceptDownloads(true));
  }

  /**
   * A context that lets a test inject a script (axe-core) although the pages forbid inline scripts;
   * only for audits, never for checking the pages' own behaviour.
   */
  public BrowserContext auditContext(String locale) {
    return browser.newContext(
        new NewContextOptions().setLocale(locale).setViewportSize(1400, 1000).setBypassCSP(true));
  }

  /** An audit context (see {@link #auditContext(String)}) of a given size. */
  public BrowserContext auditContext(String locale, int width, int height) {
    return browser.newContext(
        new NewContextOptions()
            .setLocale(locale)
            .setViewportSize(width, height)
            .setBypassCSP(true)
            .setHasTouch(width < 500)
            .setIsMobile(width < 500));
  }

  public static Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return SCREENSHOTS.resolve(name);
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
