package org.safebed.localstack.browser;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the console's tests: Debian's headless Chromium driven through its
 * chromedriver, both named explicitly (Selenium Manager cannot download anything here), with a
 * fresh profile, a given window size and a given language. Each instance is one person's browser;
 * close it to end the Chromium process.
 *
 * <p>Call {@link #assumeInstalled()} first: without {@code chromium} and {@code chromium-driver}
 * the test is skipped with the command that installs them, except under {@code CI=true}, where a
 * missing browser fails the build instead of silently testing less.
 */
public final class ConsoleBrowser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Where screenshots go: the module's {@code target/}, which Maven runs the tests from. */
  public static final Path SCREENSHOTS = Path.of("target", "browser");
  /** Thymeleaf's mark for a message key with no text in the page's language. */
  private static final Pattern UNTRANSLATED = Pattern.compile("\\?\\?[A-Za-z0-9_.-]+\\?\\?");

  /** A desk's screen, and the phone width the console must fit without horizontal scrolling. */
  public static final Viewport DESK = new Viewport(1280, 900);
  public static final Viewport PHONE = new Viewport(360, 780);
  /** A current phone (the emergency path's screens are tried on it). */
  public static final Viewport PHONE_390 = new Viewport(390, 844);

  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private final ChromeDriver driver;

  public record Viewport(int width, int height) {}

  private ConsoleBrowser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Skips the calling test when the browser is not installed, or fails it under {@code CI=true}. */
  public static void assumeInstalled() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String missing = "Browser tests need Debian's Chromium and its driver at " + CHROMIUM + " and "
        + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver";
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(missing);
    }
    assumeTrue(installed, missing);
  }

  /** A new headless browser with an empty profile, showing pages at this size in this language. */
  public static ConsoleBrowser start(Viewport viewport, Locale language) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        // Containers run tests as root, where Chromium's sandbox cannot start.
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--window-size=" + viewport.width() + "," + viewport.height(),
        "--lang=" + language.toLanguageTag());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language.toLanguageTag()));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(PATIENCE);
    // The window size alone does not make the page this wide: headless windows have a minimum.
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
        "width", viewport.width(), "height", viewport.height(), "deviceScaleFactor", 1,
        "mobile", viewport.width() < 600));
    return new ConsoleBrowser(driver);
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  public void reload() {
    driver.navigate().refresh();
  }

  /** The local stack's demo people's password (infra/identity-provider). */
  public static final String DEMO_PASSWORD = "demo-password";

  /**
   * From the console's address through the provider's form back into the console, as a demo person
   * of the running stack.
   */
  public void signIn(org.safebed.localstack.LocalStack stack, String username) {
    open(stack.gatewayUrl() + "/console/");
    waitFor(page -> page.getCurrentUrl().startsWith(stack.identityProviderUrl()));
    signInOnProviderForm(username, DEMO_PASSWORD);
    waitFor(page -> page.getCurrentUrl().startsWith(stack.gatewayUrl() + "/console/"));
  }

  /** A tap on the element, found again if a live redraw replaced it meanwhile. */
  public void tap(String cssSelector) {
    waitFor(page -> {
      try {
        page.findElement(By.cssSelector(cssSelector)).click();
        return true;
      } catch (StaleElementReferenceException replaced) {
        return false;
      }
    });
  }

  /** Signs in on the identity provider's form, which the browser must be showing. */
  public void signInOnProviderForm(String username, String password) {
    WebElement user = waitFor(page -> page.findElement(By.name("username")));
    user.sendKeys(username);
    driver.findElement(By.name("password")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
  }

  /** The visible text of the first element matching the selector, or empty if there is none. */
  public String text(String cssSelector) {
    for (int attempt = 0; ; attempt++) {
      try {
        List<WebElement> found = driver.findElements(By.cssSelector(cssSelector));
        return found.isEmpty() ? "" : found.getFirst().getText();
      } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
        // The page's own refresh swapped the element between finding and reading it.
        if (attempt == 3) {
          throw replaced;
        }
      }
    }
  }

  /**
   * Waits until the condition gives something other than null or false; if it never does, saves a
   * screenshot and says where the browser was.
   */
  public <T> T waitFor(ExpectedCondition<T> condition) {
    try {
      return new WebDriverWait(driver, PATIENCE).ignoring(NoSuchElementException.class).until(condition);
    } catch (TimeoutException timedOut) {
      Path shot = screenshot("timed-out-" + System.currentTimeMillis());
      throw new TimeoutException("Still waiting at " + driver.getCurrentUrl() + " (" + shot + ")", timedOut);
    }
  }

  /** Saves what the browser shows as {@code target/browser/<name>.png} and returns the file. */
  /**
   * Saves the screen as {@code name} and says what is wrong with it as a person would meet it:
   * axe's serious or critical violations, a message key left untranslated, sideways scrolling.
   */
  public List<String> checkScreen(String name) {
    screenshot(name);
    List<String> problems = new ArrayList<>();
    Axe.seriousViolations(driver).forEach(violation -> problems.add(name + ": " + violation));
    Matcher untranslated = UNTRANSLATED.matcher(driver.getPageSource());
    while (untranslated.find()) {
      problems.add(name + ": untranslated " + untranslated.group());
    }
    Object scrolls = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth > window.innerWidth;");
    if (Boolean.TRUE.equals(scrolls)) {
      problems.add(name + ": scrolls sideways");
    }
    return problems;
  }

  /** The attribute as the page shows it now; null while a refresh is replacing the element. */
  public String attribute(String cssSelector, String attribute) {
    try {
      List<WebElement> found = driver.findElements(By.cssSelector(cssSelector));
      return found.isEmpty() ? null : found.getFirst().getDomAttribute(attribute);
    } catch (StaleElementReferenceException replaced) {
      return null;
    }
  }

  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
