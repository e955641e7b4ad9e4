package org.safebed.localstack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.safebed.localstack.LocalStack;
import org.safebed.localstack.browser.ConsoleBrowser.Viewport;
import org.safebed.localstack.journey.GatewayClient;
import org.safebed.localstack.journey.JourneySteps;
import org.safebed.localstack.journey.RunningStack;

/**
 * The shelter manager's bed board in a real browser against the running stack: she opens her
 * shelters from the menu, then Kestrel's board (a demo shelter of hers), confirms its capacity with
 * one tap, takes a free bed out of service with a reason (which the board then shows) and puts it back, sees the board change by itself
 * when police hold a bed there, and, once she is checked in, reports her missing, back, and
 * checks her out with where she went. Once in French on a 390 px phone and once in English at a desk,
 * with axe on every screen and a screenshot of each under target/browser. No demo shelter's
 * address is ever on a page.
 */
class ShelterBoardBrowserIT {

  private static final String SHELTER = "shelter-central-1";
  /** Kestrel's synthetic street (DemoShelters), which no page may show. */
  private static final String ADDRESS = "Rue du Prototype";

  private static LocalStack stack;
  private static GatewayClient api;

  private record Scene(Locale language, Viewport screen, String freshJustNow, String damaged) {}

  @BeforeAll
  static void stack() {
    ConsoleBrowser.assumeInstalled();
    stack = RunningStack.get();
    api = RunningStack.client();
  }

  @Test
  void inFrenchOnAPhone() {
    walk(new Scene(Locale.FRENCH, ConsoleBrowser.PHONE_390, "Capacité confirmée il y a 0 min", "Abîmé, inutilisable"));
  }

  @Test
  void inEnglishAtADesk() {
    walk(new Scene(Locale.ENGLISH, ConsoleBrowser.DESK, "Capacity confirmed 0 min ago", "Damaged, cannot be used"));
  }

  private void walk(Scene scene) {
    String shot = scene.language().getLanguage() + "-" + scene.screen().width();
    List<String> problems = new ArrayList<>();
    try (ConsoleBrowser manager = ConsoleBrowser.start(scene.screen(), scene.language())) {
      manager.open(stack.gatewayUrl() + "/console/");
      manager.waitFor(page -> page.getCurrentUrl().startsWith(stack.identityProviderUrl()));
      manager.signInOnProviderForm("shelter-manager", ConsoleBrowser.DEMO_PASSWORD);
      manager.waitFor(page -> page.getCurrentUrl().startsWith(stack.gatewayUrl() + "/console/"));

      // Her shelters, from the menu.
      manager.tap("#menu a[href='/console/shelters']");
      manager.waitFor(page -> page.getCurrentUrl().endsWith("/console/shelters"));
      check(manager, "shelters-" + shot, problems);
      manager.tap("[data-shelter='" + SHELTER + "'] h2 a");
      manager.waitFor(page -> page.getCurrentUrl().endsWith("/console/shelters/" + SHELTER));
      check(manager, "board-" + shot, problems);

      // One tap: capacity confirmed, fresh again.
      manager.tap("#confirm-capacity button");
      manager.waitFor(page -> manager.text(".freshness").contains(scene.freshJustNow()));
      assertThat(manager.driver().findElements(By.cssSelector("#board .stale"))).isEmpty();
      check(manager, "board-confirmed-" + shot, problems);

      // A free bed out of service with its reason (opened, chosen, sent), then back.
      String bed = manager.waitFor(page -> manager.attribute(".bed[data-state=AVAILABLE]", "data-bed"));
      String row = ".bed[data-bed='" + bed + "']";
      manager.tap(row + " details.bed-out summary");
      manager.waitFor(page -> page.findElement(By.cssSelector(row + " select[name=reason]")).isDisplayed());
      manager.tap(row + " select[name=reason] option[value=DAMAGED]");
      check(manager, "board-bed-reason-" + shot, problems);
      manager.tap(row + " button.out-of-service");
      manager.waitFor(page -> "OUT_OF_SERVICE".equals(manager.attribute(row, "data-state")));
      assertThat(manager.text(row + " .bed-reason")).isEqualTo(scene.damaged());
      assertThat(api.get("demo-shelter-manager", "/api/shelters/" + SHELTER + "/beds").body())
          .contains("{\"id\":\"" + bed + "\",\"status\":\"OUT_OF_SERVICE\",\"outOfServiceReason\":\"DAMAGED\"}");
      // The screenshot shows the bed with its reason, not the top of the board again.
      ((JavascriptExecutor) manager.driver()).executeScript(
          "document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", row);
      check(manager, "board-bed-out-" + shot, problems);
      manager.tap(row + " button.in-service");
      manager.waitFor(page -> "AVAILABLE".equals(manager.attribute(row, "data-state")));

      // Police hold a bed here: the board shows it without a reload.
      ((JavascriptExecutor) manager.driver()).executeScript("window.safebedNotReloaded = true;");
      int held = Integer.parseInt(manager.waitFor(page -> manager.attribute("#board", "data-held")));
      String placement = JourneySteps.holdABedAtKestrel(api);
      try {
        manager.waitFor(page -> Integer.toString(held + 1).equals(manager.attribute("#board", "data-held")));
        assertThat(((JavascriptExecutor) manager.driver()).executeScript("return window.safebedNotReloaded === true;"))
            .as("updated live, without a reload").isEqualTo(true);
        check(manager, "board-live-held-" + shot, problems);

        // She arrives (checked in as on the arrivals screen), goes missing, comes back, then leaves.
        assertThat(api.post("demo-shelter-manager", "/api/placements/" + placement + "/check-in", null).status())
            .isEqualTo(200);
        // Checked in elsewhere (the arrivals screen): the board is opened again rather than waited on.
        manager.reload();
        String card = "[data-placement='" + placement + "']";
        manager.waitFor(page -> "CHECKED_IN".equals(manager.attribute(card, "data-status")));
        manager.tap(card + " button.missing");
        manager.waitFor(page -> "RESIDENT_MISSING".equals(manager.attribute(card, "data-status")));
        check(manager, "board-missing-" + shot, problems);
        manager.tap(card + " button.returned");
        manager.waitFor(page -> "CHECKED_IN".equals(manager.attribute(card, "data-status")));
        manager.tap(card + " a.check-out");
        manager.waitFor(page -> page.getCurrentUrl().endsWith("/residents/" + placement + "/check-out"));
        check(manager, "check-out-" + shot, problems);
        manager.tap("input[name=reason][value=LEFT_VOLUNTARILY]");
        manager.tap("#check-out button[type=submit]");
        manager.waitFor(page -> !page.findElements(By.id("board")).isEmpty() && page.findElements(By.cssSelector(card)).isEmpty());
        assertThat(manager.text("#board")).doesNotContain(placement);
      } finally {
        // Whatever happened above, her bed is freed for the next run.
        api.post("demo-police", "/api/placements/" + placement + "/cancel", null);
        api.post("demo-shelter-manager", "/api/placements/" + placement + "/check-out", "{\"reason\":\"OTHER\"}");
      }
      manager.waitFor(page -> Integer.toString(held).equals(manager.attribute("#board", "data-held")));

      // The confirmation page for a compromised shelter, seen and declined.
      manager.tap("#compromised");
      manager.waitFor(page -> page.getCurrentUrl().endsWith("/console/shelters/" + SHELTER + "/compromised"));
      check(manager, "compromised-confirm-" + shot, problems);
      manager.tap("main a.button.secondary");
      manager.waitFor(page -> page.getCurrentUrl().endsWith("/console/shelters/" + SHELTER));
    }
    assertThat(problems).as("accessibility, translation, layout and address problems (screenshots in target/browser)").isEmpty();
  }

  /** A screenshot, then axe, untranslated texts, sideways scrolling and the shelter's address. */
  private static void check(ConsoleBrowser browser, String screen, List<String> problems) {
    problems.addAll(browser.checkScreen("shelter-" + screen));
    if (browser.driver().getPageSource().contains(ADDRESS)) {
      problems.add(screen + ": shows the shelter's address");
    }
  }
}
