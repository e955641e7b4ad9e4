package org.safebed.localstack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.safebed.localstack.LocalStack;
import org.safebed.localstack.journey.RunningStack;

/**
 * The console's session in a real browser (issue #22). A browser sends a page's requests in
 * parallel (the page's script and style, its icon, who is signed in, the CSRF token, the first API
 * calls), and their answers can arrive in any order; none of them may sign the person out again.
 * Each sign-in uses a fresh browser, so the icon is asked for every time.
 */
class ConsoleSessionBrowserIT {

  private static final int SIGN_INS = 20;
  private static final long RELOAD_AFTER_MILLIS = 1_500;
  private static final String USER = "shelter-manager";
  private static final String SESSION = "SAFEBED_SESSION";

  private static LocalStack stack;

  @BeforeAll
  static void startStack() {
    ConsoleBrowser.assumeInstalled();
    stack = RunningStack.get();
  }

  @Test
  void everySessionSurvivesThePagesOwnParallelRequestsAndAReload() throws Exception {
    List<Integer> lost = new ArrayList<>();
    for (int signIn = 1; signIn <= SIGN_INS; signIn++) {
      try (ConsoleBrowser browser = ConsoleBrowser.start(ConsoleBrowser.DESK, Locale.ENGLISH)) {
        browser.signIn(stack, USER);
        long landed = System.currentTimeMillis();
        Thread.sleep(Math.max(0, landed + RELOAD_AFTER_MILLIS - System.currentTimeMillis()));
        browser.reload();
        if (!showsHerShelters(browser)) {
          lost.add(signIn);
          browser.screenshot("session-lost-" + signIn);
        } else if (signIn == 1) {
          browser.screenshot("console-signed-in");
        }
      }
    }
    assertThat(lost).as("sign-ins whose session did not survive (screenshots in target/browser)").isEmpty();
  }

  @Test
  void a404AndA401ElsewhereLeaveTheSessionAloneAndSigningOutEndsIt() throws Exception {
    try (ConsoleBrowser browser = ConsoleBrowser.start(ConsoleBrowser.PHONE, Locale.FRENCH)) {
      browser.signIn(stack, USER);
      assertThat(showsHerShelters(browser)).isTrue();
      browser.screenshot("console-phone-fr");
      String session = sessionCookie(browser.driver()).getValue();

      Map<String, Long> statuses = Map.of(
          "/favicon.ico", fetchStatus(browser, "/favicon.ico", null),
          "/nothing-here", fetchStatus(browser, "/nothing-here", null),
          "/api/shelters with a bad token", fetchStatus(browser, "/api/shelters", "Bearer not-a-token"));

      assertThat(statuses).containsEntry("/favicon.ico", 404L).containsEntry("/nothing-here", 404L)
          .containsEntry("/api/shelters with a bad token", 401L);
      assertThat(sessionCookie(browser.driver()).getValue()).isEqualTo(session);
      browser.reload();
      assertThat(showsHerShelters(browser)).as("still signed in after the 404s and the 401").isTrue();

      // A form POST of the page itself: it must pass the cross-origin rules (see SecurityHeaders).
      browser.driver().findElement(By.cssSelector("#sign-out button")).click();
      browser.waitFor(page -> page.getCurrentUrl().endsWith("/console/signed-out"));
      assertThat(browser.driver().manage().getCookieNamed(SESSION)).as("signing out drops the cookie").isNull();
    }
  }

  /**
   * Whether the console, once it stops loading, shows who is signed in and her shelters (its first
   * API call): a lost session sends the browser back to the provider's form instead.
   */
  private static boolean showsHerShelters(ConsoleBrowser browser) {
    browser.waitFor(page -> page.getCurrentUrl().startsWith(stack.identityProviderUrl())
        || !browser.text("#status").isEmpty() || isShown(page, "shelters"));
    return browser.currentUrl().startsWith(stack.gatewayUrl() + "/console/")
        && browser.text("#who").startsWith(USER)
        && isShown(browser.driver(), "shelters");
  }

  private static boolean isShown(WebDriver page, String id) {
    return !page.findElements(By.id(id)).isEmpty() && page.findElement(By.id(id)).isDisplayed();
  }

  /** The page itself fetches a path, with its cookies, and gives back the status. */
  private static long fetchStatus(ConsoleBrowser browser, String path, String authorization) {
    Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const headers = arguments[1] ? { Authorization: arguments[1] } : {};
        fetch(arguments[0], { headers, credentials: 'same-origin' })
            .then(answer => done(answer.status), () => done(-1));
        """, path, authorization);
    return ((Number) status).longValue();
  }

  private static Cookie sessionCookie(WebDriver driver) {
    Cookie cookie = driver.manage().getCookieNamed(SESSION);
    assertThat(cookie).as("the session cookie").isNotNull();
    return cookie;
  }
}
