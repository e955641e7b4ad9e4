package org.safebed.localstack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.safebed.localstack.LocalStack;
import org.safebed.localstack.browser.ConsoleBrowser.Viewport;
import org.safebed.localstack.journey.GatewayClient;
import org.safebed.localstack.journey.HousingScenes;
import org.safebed.localstack.journey.RunningStack;

/**
 * The housing officer's main path in a real browser against the running stack: her queue shows
 * the referral of a resident just checked in; she adds a unit of her agency, changes another's rent
 * and then withdraws it after confirming, opens the referral, sees the unit among those that fit and why, offers it, the
 * resident declines it (too far), she offers it again, it is accepted, and she records the move-in,
 * which books the move. In French on a 390 px phone and in English at a desk, with axe on every
 * screen and a screenshot of each under target/browser.
 */
class HousingBrowserIT {


  private static LocalStack stack;
  private static GatewayClient api;

  /** Where she is found and her unit lies, per language (away from the other browser tests' places). */
  private record Scene(Locale language, Viewport screen, double lat, double lon, String region,
      String looking, String offered, String accepted, String movedIn) {}

  @BeforeAll
  static void stack() {
    ConsoleBrowser.assumeInstalled();
    stack = RunningStack.get();
    api = RunningStack.client();
  }

  @Test
  void inFrenchOnAPhone() throws Exception {
    walk(new Scene(Locale.FRENCH, ConsoleBrowser.PHONE_390, 50.37, 3.08, "north",
        "Recherche d'un logement", "Logement proposé", "Proposition acceptée", "Emménagée"));
  }

  @Test
  void inEnglishAtADesk() throws Exception {
    walk(new Scene(Locale.ENGLISH, ConsoleBrowser.DESK, 48.80, 2.13, "central",
        "Looking for a unit", "Unit offered", "Offer accepted", "Moved in"));
  }

  private void walk(Scene scene) throws Exception {
    String lang = scene.language().getLanguage();
    List<String> problems = new ArrayList<>();
    String referral = HousingScenes.checkedInAndReferred(api, scene.lat(), scene.lon(), scene.region());
    String spare = HousingScenes.unit(api, scene.lat(), scene.lon(), scene.region());
    try (ConsoleBrowser officer = ConsoleBrowser.start(scene.screen(), scene.language())) {
      officer.signIn(stack, "housing-officer");
      officer.waitFor(page -> page.getCurrentUrl().endsWith("/console/housing"));
      String card = "#step-OPEN [data-referral='" + referral + "']";
      officer.waitFor(page -> !page.findElements(By.cssSelector(card)).isEmpty());
      check(officer, "housing-queue-" + lang, problems);

      // Her agency's units: a unit added through the form, then another withdrawn after confirming.
      officer.driver().findElement(By.cssSelector("#menu a[href='/console/housing/units']")).click();
      officer.waitFor(page -> !page.findElements(By.id("add-unit")).isEmpty());
      check(officer, "housing-units-" + lang, problems);
      officer.driver().findElement(By.id("add-unit")).click();
      officer.waitFor(page -> !page.findElements(By.id("save-unit")).isEmpty());
      officer.driver().findElement(By.id("save-unit")).click();
      officer.waitFor(page -> !page.findElements(By.cssSelector("#unit .field-error")).isEmpty());
      check(officer, "housing-unit-form-errors-" + lang, problems);
      type(officer, "region", scene.region());
      type(officer, "address", "BROWSER-TEST 3 Allee Fictive");
      type(officer, "lat", Double.toString(scene.lat() + 0.01));
      type(officer, "lon", Double.toString(scene.lon() + 0.01));
      type(officer, "bedrooms", "1");
      type(officer, "monthlyRent", "520");
      ((JavascriptExecutor) officer.driver()).executeScript("document.getElementById('availableFrom').value = '2026-01-01';");
      officer.driver().findElement(By.cssSelector("input[name=suitableFor][value=YOUNG_ADULT]")).click();
      check(officer, "housing-unit-form-" + lang, problems);
      officer.driver().findElement(By.id("save-unit")).click();
      officer.waitFor(page -> page.getCurrentUrl().contains("/console/housing/units?added="));
      String unit = officer.currentUrl().replaceAll(".*added=", "");
      assertThat(officer.driver().getPageSource()).as("the address is never shown back").doesNotContain("BROWSER-TEST");
      check(officer, "housing-unit-added-" + lang, problems);

      officer.driver().findElement(By.cssSelector("[data-unit='" + spare + "'] a.edit")).click();
      officer.waitFor(page -> !page.findElements(By.id("save-unit")).isEmpty());
      assertThat(officer.driver().findElements(By.id("address"))).as("the address is not changed here").isEmpty();
      type(officer, "monthlyRent", "480");
      check(officer, "housing-unit-edit-" + lang, problems);
      officer.driver().findElement(By.id("save-unit")).click();
      officer.waitFor(page -> page.getCurrentUrl().contains("/console/housing/units?changed=" + spare));
      assertThat(officer.text("[data-unit='" + spare + "']")).contains("480");
      officer.driver().findElement(By.cssSelector("[data-unit='" + spare + "'] a.withdraw")).click();
      officer.waitFor(page -> !page.findElements(By.id("confirm-withdraw")).isEmpty());
      check(officer, "housing-withdraw-" + lang, problems);
      officer.driver().findElement(By.id("confirm-withdraw")).click();
      officer.waitFor(page -> "WITHDRAWN".equals(
          page.findElement(By.cssSelector("[data-unit='" + spare + "']")).getDomAttribute("data-status")));

      // Her referral: the unit fits, and why; offered, declined as too far, offered again, accepted, moved in.
      officer.open(stack.gatewayUrl() + "/console/housing/referrals/" + referral);
      String match = "#matches [data-unit='" + unit + "']";
      officer.waitFor(page -> !page.findElements(By.cssSelector(match)).isEmpty());
      assertThat(officer.text("#referral-status")).isEqualTo(scene.looking());
      scrollTo(officer, "#matches");
      check(officer, "housing-matches-" + lang, problems);
      offer(officer, match);
      assertThat(officer.text("#referral-status")).isEqualTo(scene.offered());
      assertThat(officer.text("#offered-unit")).isEqualTo(unit);
      check(officer, "housing-offered-" + lang, problems);
      officer.driver().findElement(By.cssSelector("#decline input[value=TOO_FAR]")).click();
      officer.driver().findElement(By.cssSelector("#decline button[type=submit]")).click();
      officer.waitFor(page -> !page.findElements(By.cssSelector(match)).isEmpty());
      check(officer, "housing-declined-" + lang, problems);
      offer(officer, match);
      officer.driver().findElement(By.id("accept")).click();
      officer.waitFor(page -> !page.findElements(By.id("move-in")).isEmpty());
      assertThat(officer.text("#referral-status")).isEqualTo(scene.accepted());
      check(officer, "housing-accepted-" + lang, problems);
      officer.driver().findElement(By.cssSelector("#move-in button[type=submit]")).click();
      officer.waitFor(page -> "MOVED_IN".equals(page.findElement(By.id("referral-status")).getDomAttribute("data-status")));
      assertThat(officer.text("#referral-status")).isEqualTo(scene.movedIn());
      assertThat(officer.text("#move-booked")).as("the move-in books the move").isNotBlank();
      assertThat(officer.text("#timeline")).isNotBlank();
      check(officer, "housing-moved-in-" + lang, problems);
      scrollTo(officer, "#timeline");
      check(officer, "housing-timeline-" + lang, problems);
    }
    HousingScenes.driveTheMove(api, referral);
    assertThat(problems).as("accessibility, translation and layout problems (screenshots in target/browser)").isEmpty();
  }

  private static void offer(ConsoleBrowser officer, String match) {
    officer.driver().findElement(By.cssSelector(match + " button.offer-unit")).click();
    officer.waitFor(page -> !page.findElements(By.id("offer")).isEmpty());
  }

  /** The screenshot shows that part of the page (axe checks the whole page either way). */
  private static void scrollTo(ConsoleBrowser browser, String selector) {
    ((JavascriptExecutor) browser.driver()).executeScript(
        "document.querySelector(arguments[0]).scrollIntoView();", selector);
  }

  private static void type(ConsoleBrowser browser, String id, String text) {
    WebElement field = browser.driver().findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** A screenshot, then axe, untranslated texts and sideways scrolling on what the browser shows. */
  private static void check(ConsoleBrowser browser, String screen, List<String> problems) {
    problems.addAll(browser.checkScreen(screen));
  }
}
