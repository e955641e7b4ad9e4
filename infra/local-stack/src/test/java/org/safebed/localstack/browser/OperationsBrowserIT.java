package org.safebed.localstack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.safebed.localstack.LocalStack;
import org.safebed.localstack.journey.GatewayClient;
import org.safebed.localstack.journey.RunningStack;
import org.safebed.localstack.journey.ScriptedDay;
import org.safebed.localstack.browser.ConsoleBrowser.Viewport;

/**
 * The coordinator's screens in a real browser against the running stack, after police ask for a
 * few beds through the gateway: the dashboard's charts are drawn from the stack's own statistics
 * (with a table of the same numbers), then the escalation inbox (a job no driver
 * could take, offered again) and the drivers' board; axe on
 * each, then each service's dead letters and audit trail (its chain said intact, its newest entries),
 * in French on a 390 px phone, in Dutch on a 360 px one and in English at a desk, screenshots under target/browser.
 */
class OperationsBrowserIT {

  /** Two forces, two requests each: an officer may have only so many open at once. */
  private static final List<String> POLICE = List.of("demo-police", "demo-police-2");
  /**
   * Paris, Lille, Marseille, Paris again: one in each demo region, and one more than the three demo
   * drivers, so that a job nobody can take reaches the coordinator's inbox.
   */
  private static final double[][] FOUND_AT = {{48.8566, 2.3522}, {50.6292, 3.0573}, {43.2965, 5.3698}, {48.85, 2.35}};

  /** More than the statistics' minimum count (5), so that no figure of the day is suppressed. */
  private static final int SCRIPTED_DAY = 6;

  private static LocalStack stack;
  private static GatewayClient api;
  /** Each placement with the force that asked for it, which calls it off at the end. */
  private static final Map<String, String> placements = new LinkedHashMap<>();

  @BeforeAll
  static void aFewPlacements() {
    ConsoleBrowser.assumeInstalled();
    stack = RunningStack.get();
    api = RunningStack.client();
    // The day so far: enough placements from request to check-out that the figures are shown.
    ScriptedDay.run(api, SCRIPTED_DAY);
    for (int i = 0; i < FOUND_AT.length; i++) {
      double[] at = FOUND_AT[i];
      String police = POLICE.get(i % POLICE.size());
      String request = """
          {"policeCaseRef": "OPS-%s", "person": {"ageYears": 16, "gender": "FEMALE"}, "needs": [],
           "location": {"lat": %s, "lon": %s}}""".formatted(UUID.randomUUID().toString().substring(0, 8), at[0], at[1]);
      GatewayClient.Reply created = api.post(police, "/api/placements", request,
          Map.of("Idempotency-Key", UUID.randomUUID().toString()));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      placements.put(created.json().get("id").asString(), police);
    }
  }

  /** Frees the beds for the other tests: the officer calls her requests off. */
  @AfterAll
  static void cancelThem() {
    if (api != null) {
      placements.forEach((id, police) -> api.post(police, "/api/placements/" + id + "/cancel", null));
    }
  }

  @Test
  void inFrenchOnAPhone() {
    walk(Locale.FRENCH, ConsoleBrowser.PHONE_390, "Coordination", "À traiter", "Chauffeurs");
  }

  @Test
  void inDutchOnASmallPhone() {
    walk(Locale.of("nl"), ConsoleBrowser.PHONE, "Coördinatie", "Escalaties", "Chauffeurs");
  }

  @Test
  void inEnglishAtADesk() {
    walk(Locale.ENGLISH, ConsoleBrowser.DESK, "Operations", "Escalations", "Drivers");
  }

  private void walk(Locale language, Viewport screen, String dashboard, String escalations, String drivers) {
    String lang = language.getLanguage();
    List<String> problems = new ArrayList<>();
    try (ConsoleBrowser coordinator = ConsoleBrowser.start(screen, language)) {
      coordinator.signIn(stack, "coordinator");
      coordinator.waitFor(page -> page.getCurrentUrl().startsWith(stack.gatewayUrl() + "/console/"));

      // Reached through the menu, as she would: a boosted link, so the chart script must be there already.
      coordinator.driver().findElement(By.cssSelector("#menu a[href='/console/operations']")).click();
      coordinator.waitFor(page -> page.getCurrentUrl().endsWith("/console/operations"));
      assertThat(coordinator.text("h1")).isEqualTo(dashboard);
      coordinator.waitFor(page -> !page.findElements(By.cssSelector(".chart[data-drawn] canvas")).isEmpty());
      List<WebElement> charts = coordinator.driver().findElements(By.cssSelector(".chart[data-chart]"));
      assertThat(charts).as("charts with data from the stack").isNotEmpty();
      for (WebElement chart : charts) {
        assertThat(chart.getDomAttribute("data-drawn")).as(chart.getDomAttribute("id")).isEqualTo("yes");
        assertThat(chart.findElement(By.tagName("canvas")).getSize().getWidth()).isGreaterThan(200);
      }
      assertThat(paintedPixels("#waiting-chart canvas", coordinator)).as("bars and axes painted").isGreaterThan(500);
      assertThat(coordinator.driver().findElements(By.cssSelector("table.figures tbody tr"))).hasSizeGreaterThan(4);
      check(coordinator, "operations-dashboard-" + lang, problems);
      period(coordinator, lang, problems);

      coordinator.driver().findElement(By.cssSelector(".tabs a[href='/console/operations/escalations']")).click();
      coordinator.waitFor(page -> page.getCurrentUrl().endsWith("/console/operations/escalations"));
      assertThat(coordinator.text("h1")).isEqualTo(escalations);
      coordinator.waitFor(page -> !page.findElements(By.cssSelector("#inbox button.reoffer")).isEmpty());
      check(coordinator, "operations-escalations-" + lang, problems);
      // Offered again: to a driver, or still nobody (all three are busy); either way she is told which.
      coordinator.driver().findElement(By.cssSelector("#inbox button.reoffer")).click();
      coordinator.waitFor(page -> !page.findElements(By.cssSelector(".banner[role=status]")).isEmpty());
      assertThat(coordinator.currentUrl()).contains("/console/operations/escalations?done=");
      check(coordinator, "operations-reoffered-" + lang, problems);

      coordinator.driver().findElement(By.cssSelector(".tabs a[href='/console/operations/drivers']")).click();
      coordinator.waitFor(page -> page.getCurrentUrl().endsWith("/console/operations/drivers"));
      assertThat(coordinator.text("h1")).isEqualTo(drivers);
      assertThat(coordinator.driver().findElements(By.cssSelector(".card.driver"))).as("the demo drivers").hasSizeGreaterThanOrEqualTo(3);
      check(coordinator, "operations-drivers-" + lang, problems);

      records(coordinator, lang, problems);
    }
    assertThat(problems).as("accessibility and layout problems (screenshots in target/browser)").isEmpty();
  }

  /** The period switch's two links and the held-to-assigned row's heading, by language. */
  private static final Map<String, List<String>> PERIOD_WORDS = Map.of(
      "fr", List.of("Dernières 24 heures", "7 derniers jours", "De la place réservée au chauffeur désigné", "moins de 5"),
      "nl", List.of("Laatste 24 uur", "Laatste 7 dagen", "Van gereserveerd bed tot toegewezen chauffeur", "minder dan 5"),
      "en", List.of("Last 24 hours", "Last 7 days", "Bed held to driver assigned", "fewer than 5"));

  /**
   * The last day first, then the week one tap away: the same page over seven days, its durations
   * chart drawn again after the boosted swap, held to assigned in its table either in minutes or
   * suppressed in words as the API said (the stack's history decides which).
   */
  private static void period(ConsoleBrowser coordinator, String lang, List<String> problems) {
    List<String> words = PERIOD_WORDS.get(lang);
    assertThat(coordinator.text("#period a[aria-current=page]")).isEqualTo(words.get(0));
    assertThat(coordinator.text("#hold-to-assigned th")).isEqualTo(words.get(2));
    // After the scripted day, the last 24 hours' held-to-assigned is drawn from enough placements to show.
    for (WebElement cell : coordinator.driver().findElements(By.cssSelector("#hold-to-assigned td")).subList(0, 2)) {
      assertThat(cell.getText()).as("held to assigned over the scripted day").matches("[0-9]+ min");
    }
    coordinator.driver().findElement(By.cssSelector("#period a[data-window=WEEK]")).click();
    coordinator.waitFor(page -> page.getCurrentUrl().endsWith("/console/operations?window=WEEK"));
    coordinator.waitFor(page -> words.get(1).equals(coordinator.text("#period a[aria-current=page]")));
    assertThat(coordinator.text("#durations-title")).endsWith(words.get(1));
    coordinator.waitFor(page -> !page.findElements(By.cssSelector("#durations-chart[data-drawn] canvas, #durations-title ~ .table-scroll")).isEmpty());
    if (!coordinator.driver().findElements(By.cssSelector("#durations-chart")).isEmpty()) {
      coordinator.waitFor(page -> "yes".equals(page.findElement(By.id("durations-chart")).getDomAttribute("data-drawn")));
    }
    List<WebElement> cells = coordinator.driver().findElements(By.cssSelector("#hold-to-assigned td"));
    assertThat(cells).hasSize(3);
    for (WebElement cell : cells.subList(0, 2)) {
      assertThat(cell.getText()).as("minutes, or suppressed in words")
          .satisfiesAnyOf(text -> assertThat(text).matches("[0-9]+ min"), text -> assertThat(text).contains(words.get(3)));
    }
    // The screenshot shows the durations, not the top again.
    ((JavascriptExecutor) coordinator.driver()).executeScript(
        "document.getElementById('durations-title').scrollIntoView({block: 'start'});");
    check(coordinator, "operations-dashboard-week-" + lang, problems);
    coordinator.driver().findElement(By.cssSelector("#period a[data-window=DAY]")).click();
    coordinator.waitFor(page -> page.getCurrentUrl().endsWith("/console/operations?window=DAY"));
  }

  /** Each screen's heading, by language. */
  private static final Map<String, List<String>> RECORDS_TITLES = Map.of(
      "fr", List.of("Lettres mortes", "Journal d'audit"),
      "nl", List.of("Dode berichten", "Audittrail"),
      "en", List.of("Dead letters", "Audit trail"));

  /** Dead letters and the audit trail: reached by their tabs, then another service by its link. */
  private static void records(ConsoleBrowser coordinator, String lang, List<String> problems) {
    coordinator.driver().findElement(By.cssSelector(".tabs a[href='/console/operations/dead-letters']")).click();
    coordinator.waitFor(page -> page.getCurrentUrl().endsWith("/console/operations/dead-letters/shelter-occupancy"));
    assertThat(coordinator.text("h1")).isEqualTo(RECORDS_TITLES.get(lang).get(0));
    check(coordinator, "operations-dead-letters-" + lang, problems);
    coordinator.driver().findElement(By.cssSelector(".tabs a[href='/console/operations/dead-letters/transport']")).click();
    coordinator.waitFor(page -> page.getCurrentUrl().endsWith("/console/operations/dead-letters/transport"));

    coordinator.driver().findElement(By.cssSelector(".tabs a[href='/console/operations/audit']")).click();
    coordinator.waitFor(page -> page.getCurrentUrl().endsWith("/console/operations/audit/shelter-occupancy"));
    assertThat(coordinator.text("h1")).isEqualTo(RECORDS_TITLES.get(lang).get(1));
    check(coordinator, "operations-audit-" + lang, problems);
    // A fresh stack's occupancy may have audited nothing yet: its entries, or the words that say so.
    assertThat(coordinator.driver().findElements(By.cssSelector(".chain .banner.info"))).as("chain intact").hasSize(1);
    assertThat(coordinator.driver().findElements(By.cssSelector(".card.audit-entry, #main .empty"))).as("entries or none").isNotEmpty();
  }

  /** How many pixels of the canvas are painted: more than an empty frame when bars are drawn. */
  private static long paintedPixels(String canvas, ConsoleBrowser browser) {
    Object painted = ((JavascriptExecutor) browser.driver()).executeScript("""
        const c = document.querySelector(arguments[0]);
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } }
        return n;""", canvas);
    return ((Number) painted).longValue();
  }

  /** A screenshot, then axe and sideways scrolling on what the browser shows. */
  private static void check(ConsoleBrowser browser, String screen, List<String> problems) {
    problems.addAll(browser.checkScreen(screen));
  }
}
