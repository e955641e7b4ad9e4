package org.safebed.localstack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.safebed.localstack.LocalStack;
import org.safebed.localstack.journey.GatewayClient;
import org.safebed.localstack.journey.RunningStack;
import org.safebed.localstack.browser.ConsoleBrowser.Viewport;
import tools.jackson.databind.JsonNode;

/**
 * The emergency path as the people on it live it, in real browsers against the running stack,
 * through the gateway: an officer requests a bed on her phone and follows it live; the driver who
 * is offered the job accepts it on hers, sees where to pick her up and where to take her, and the
 * address is gone once delivered; the arriving shelter checks her in; the officer sees it without
 * reloading; signing out and going back leads to the sign-in page. Once in each language, in a
 * different region each time (so each demo driver's person is tried), with axe on every screen and
 * a screenshot of each under target/browser: police on a 390 px phone (French), a 360 px one
 * (Dutch) and a desk (English); drivers on 390 px phones; shelters at a desk and on a phone.
 */
class EmergencyPathBrowserIT {

  /** Thymeleaf's mark for a text missing in the page's language. */
  /** The demo driver records and the people who are them. */
  private static final Map<String, String> PERSON_OF_DRIVER =
      Map.of("demo-driver", "driver", "demo-driver-2", "driver-2", "demo-driver-3", "driver-3");

  private static LocalStack stack;
  private static GatewayClient api;

  /** Where she is found, per language: Paris (central), Lille (north), Marseille (south). */
  private record Scene(Locale language, double lat, double lon, String held, String checkedIn, String ageBand,
      Viewport policeScreen, Viewport managerScreen) {}

  @BeforeAll
  static void stack() {
    ConsoleBrowser.assumeInstalled();
    stack = RunningStack.get();
    api = RunningStack.client();
  }

  @Test
  void inFrench() throws Exception {
    walk(new Scene(Locale.FRENCH, 48.8566, 2.3522, "Lit réservé", "Accueillie", "14 à 15 ans",
        ConsoleBrowser.PHONE_390, ConsoleBrowser.DESK));
  }

  @Test
  void inDutch() throws Exception {
    walk(new Scene(Locale.of("nl"), 50.6292, 3.0573, "Bed vastgehouden", "Opgevangen", "14 tot 15 jaar",
        ConsoleBrowser.PHONE, ConsoleBrowser.PHONE_390));
  }

  @Test
  void inEnglish() throws Exception {
    walk(new Scene(Locale.ENGLISH, 43.2965, 5.3698, "Bed held", "Checked in", "14 to 15",
        ConsoleBrowser.DESK, ConsoleBrowser.DESK));
  }

  private void walk(Scene scene) throws Exception {
    String lang = scene.language().getLanguage();
    List<String> problems = new ArrayList<>();
    try (ConsoleBrowser police = ConsoleBrowser.start(scene.policeScreen(), scene.language())) {
      // The officer signs in on the provider's page, in her language, and asks for a bed.
      police.open(stack.gatewayUrl() + "/console/");
      police.waitFor(page -> page.getCurrentUrl().startsWith(stack.identityProviderUrl()));
      check(police, "sign-in-" + lang, problems);
      police.signInOnProviderForm("police", ConsoleBrowser.DEMO_PASSWORD);
      police.waitFor(page -> page.getCurrentUrl().endsWith("/console/police"));
      check(police, "police-request-" + lang, problems);
      String caseRef = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
      type(police, "caseRef", caseRef);
      // A tap on the map sets where she is; with "area to avoid" chosen, the zone's centre (with a
      // radius to start from). The typed coordinates then say exactly where she is.
      police.waitFor(page -> !page.findElements(By.cssSelector("#map.leaflet-container")).isEmpty());
      police.driver().findElement(By.id("map")).click();
      police.waitFor(page -> !page.findElement(By.id("lat")).getDomProperty("value").isEmpty());
      police.driver().findElement(By.cssSelector("input[name=mapSets][value=zone]")).click();
      police.driver().findElement(By.id("map")).click();
      police.waitFor(page -> !page.findElement(By.id("zoneLat")).getDomProperty("value").isEmpty());
      assertThat(police.driver().findElement(By.id("zoneRadiusKm")).getDomProperty("value")).isEqualTo("2");
      police.driver().findElement(By.cssSelector("input[name=knownPlaces][value=antwerpen-centrum]")).click();
      check(police, "police-map-" + lang, problems);
      type(police, "lat", Double.toString(scene.lat()));
      type(police, "lon", Double.toString(scene.lon()));
      type(police, "ageYears", "15");
      police.driver().findElement(By.cssSelector("input[name=gender][value=FEMALE]")).click();
      police.driver().findElement(By.cssSelector("#request button[type=submit]")).click();
      police.waitFor(page -> page.getCurrentUrl().contains("/console/police/placements/"));
      String placementId = police.currentUrl().replaceAll(".*/placements/", "");
      police.waitFor(page -> "HELD".equals(police.attribute("#timeline", "data-status")));
      assertThat(police.text("#placement-status")).isEqualTo(scene.held());
      assertThat(police.text("#code-name")).isNotBlank();
      check(police, "police-held-" + lang, problems);
      // From here on the officer's page is never reloaded: it must follow by itself.
      ((JavascriptExecutor) police.driver()).executeScript("window.safebedNotReloaded = true;");

      // The driver the job is offered to answers on her phone.
      String person = PERSON_OF_DRIVER.get(driverOfferedThe(placementId));
      try (ConsoleBrowser driver = ConsoleBrowser.start(ConsoleBrowser.PHONE_390, scene.language())) {
        driver.signIn(stack, person);
        driver.waitFor(page -> page.getCurrentUrl().endsWith("/console/driver"));
        driver.waitFor(page -> !page.findElements(By.id("accept")).isEmpty());
        check(driver, "driver-offer-" + lang, problems);
        driver.driver().findElement(By.id("accept")).click();
        driver.waitFor(page -> !page.findElements(By.id("picked-up")).isEmpty());
        assertThat(driver.text("#pickup")).isNotBlank();
        assertThat(driver.driver().findElement(By.cssSelector("#job a[href^='geo:']")).isDisplayed()).isTrue();
        check(driver, "driver-pickup-" + lang, problems);

        police.waitFor(page -> List.of("ASSIGNED", "PICKED_UP")
            .contains(police.attribute("#timeline", "data-transport")));
        check(police, "police-assigned-" + lang, problems);

        driver.driver().findElement(By.id("picked-up")).click();
        driver.waitFor(page -> !page.findElements(By.id("delivered")).isEmpty());
        String address = driver.text("#destination");
        assertThat(address).isNotBlank();
        check(driver, "driver-destination-" + lang, problems);
        driver.driver().findElement(By.id("delivered")).click();
        driver.waitFor(page -> !page.findElements(By.id("no-job")).isEmpty());
        assertThat(driver.driver().getPageSource()).as("the address is gone once delivered").doesNotContain(address);
        check(driver, "driver-done-" + lang, problems);
      }

      // The shelter checks her in.
      try (ConsoleBrowser manager = ConsoleBrowser.start(scene.managerScreen(), scene.language())) {
        manager.signIn(stack, "shelter-manager");
        manager.waitFor(page -> page.getCurrentUrl().endsWith("/console/arrivals"));
        String card = "[data-placement='" + placementId + "']";
        manager.waitFor(page -> !page.findElements(By.cssSelector(card)).isEmpty());
        assertThat(manager.text(card)).as("what to prepare: her age band, never her age").contains(scene.ageBand());
        check(manager, "shelter-arrivals-" + lang, problems);
        manager.driver().findElement(By.cssSelector(card + " button.check-in")).click();
        manager.waitFor(page -> page.findElements(By.cssSelector(card)).isEmpty());
        check(manager, "shelter-checked-in-" + lang, problems);
      }

      police.waitFor(page -> "CHECKED_IN".equals(police.attribute("#timeline", "data-status")));
      assertThat(police.text("#placement-status")).isEqualTo(scene.checkedIn());
      assertThat(((JavascriptExecutor) police.driver()).executeScript("return window.safebedNotReloaded === true;"))
          .as("followed live, without a reload").isEqualTo(true);
      check(police, "police-checked-in-" + lang, problems);

      // Signing out ends it; Back does not bring the page back.
      police.driver().findElement(By.cssSelector("#sign-out button")).click();
      police.waitFor(page -> page.getCurrentUrl().endsWith("/console/signed-out"));
      check(police, "signed-out-" + lang, problems);
      police.driver().navigate().back();
      police.waitFor(page -> page.getCurrentUrl().startsWith(stack.identityProviderUrl()));

      checkOut(placementId);
    }
    assertThat(problems).as("accessibility, translation and layout problems (screenshots in target/browser)").isEmpty();
  }

  /** The demo driver record the job for this placement is offered to. */
  private static String driverOfferedThe(String placementId) throws InterruptedException {
    for (int attempt = 0; attempt < 60; attempt++) {
      for (JsonNode job : api.get("demo-coordinator", "/api/transport/jobs").json()) {
        if (placementId.equals(job.path("placementId").asString()) && job.has("driverId")
            && "OFFERED".equals(job.path("status").asString())) {
          return job.get("driverId").asString();
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no demo driver was offered the job of " + placementId);
  }

  /** Frees the bed for the next run: she leaves through the API, as a manager would record it. */
  private static void checkOut(String placementId) {
    GatewayClient.Reply out = api.post("demo-shelter-manager", "/api/placements/" + placementId + "/check-out",
        "{\"reason\":\"OTHER\"}");
    assertThat(out.status()).isEqualTo(200);
  }

  private static void type(ConsoleBrowser browser, String id, String text) {
    WebElement field = browser.driver().findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** A screenshot, then axe, untranslated texts and horizontal scrolling on what the browser shows. */
  private static void check(ConsoleBrowser browser, String screen, List<String> problems) {
    problems.addAll(browser.checkScreen(screen));
  }
}
