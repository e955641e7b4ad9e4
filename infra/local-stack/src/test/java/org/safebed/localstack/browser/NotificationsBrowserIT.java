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
 * Notifications arriving live in two browser sessions at once against the running stack: the
 * shelter manager, on her notifications, sees "a bed is held" appear when police hold a bed at
 * Kestrel; the coordinator, on hers, sees "a resident is missing" appear, urgent, when the shelter
 * reports her missing; neither page reloads. The coordinator marks it read,
 * then all, and opens its record. Once in French on a 390 px phone, once in English at a desk, with
 * axe and a screenshot of each screen under target/browser; no shelter address on any page.
 */
class NotificationsBrowserIT {

  private static final String ADDRESS = "Rue du Prototype";

  private static LocalStack stack;
  private static GatewayClient api;

  private record Scene(Locale language, Viewport screen, String heldText, String missingText) {}

  @BeforeAll
  static void stack() {
    ConsoleBrowser.assumeInstalled();
    stack = RunningStack.get();
    api = RunningStack.client();
  }

  @Test
  void inFrenchOnAPhone() {
    walk(new Scene(Locale.FRENCH, ConsoleBrowser.PHONE_390, "Une place est réservée pour une demande.",
        "Une résidente a disparu."));
  }

  @Test
  void inEnglishAtADesk() {
    walk(new Scene(Locale.ENGLISH, ConsoleBrowser.DESK, "A bed is held for a placement.", "A resident is missing."));
  }

  private void walk(Scene scene) {
    String shot = scene.language().getLanguage() + "-" + scene.screen().width();
    List<String> problems = new ArrayList<>();
    try (ConsoleBrowser manager = ConsoleBrowser.start(scene.screen(), scene.language());
        ConsoleBrowser coordinator = ConsoleBrowser.start(scene.screen(), scene.language())) {
      manager.signIn(stack, "shelter-manager");
      coordinator.signIn(stack, "coordinator");
      openNotifications(manager);
      openNotifications(coordinator);
      check(manager, "manager-list-" + shot, problems);
      notReloaded(manager);
      notReloaded(coordinator);

      String placement = JourneySteps.holdABedAtKestrel(api);
      try {
        // Her session: the new one appears in the list, and the bell counts it, without a reload.
        String held = "[data-kind=PLACEMENT_HELD][data-record='" + placement + "']";
        manager.waitFor(page -> !page.findElements(By.cssSelector(held)).isEmpty());
        assertThat(manager.text(held)).contains(scene.heldText());
        assertThat(Integer.parseInt(manager.waitFor(page -> manager.attribute("#bell", "data-unread")))).isPositive();
        assertThat(stillNotReloaded(manager)).as("arrived live, without a reload").isTrue();
        check(manager, "manager-live-held-" + shot, problems);

        // She arrives, then goes missing (the bed board's own buttons are ShelterBoardBrowserIT's:
        // here a tap could land while her board and bell are still being redrawn live).
        assertThat(api.post("demo-shelter-manager", "/api/placements/" + placement + "/check-in", null).status())
            .isEqualTo(200);
        assertThat(api.post("demo-shelter-manager", "/api/placements/" + placement + "/missing", null).status())
            .isEqualTo(200);

        // The coordinator's session, open all along: urgent, live.
        String missing = "[data-kind=RESIDENT_MISSING][data-record='" + placement + "']";
        coordinator.waitFor(page -> !page.findElements(By.cssSelector(missing)).isEmpty());
        assertThat(coordinator.attribute(missing, "class")).contains("unread").contains("critical");
        assertThat(coordinator.text(missing)).contains(scene.missingText());
        assertThat(stillNotReloaded(coordinator)).as("arrived live, without a reload").isTrue();
        int unread = Integer.parseInt(coordinator.waitFor(page -> coordinator.attribute("#bell", "data-unread")));
        check(coordinator, "coordinator-live-missing-" + shot, problems);

        coordinator.tap(missing + " button.mark-read");
        coordinator.waitFor(page -> coordinator.attribute(missing, "class").contains(" read "));
        coordinator.waitFor(page -> Integer.toString(unread - 1).equals(coordinator.attribute("#bell", "data-unread")));
        if (!coordinator.driver().findElements(By.id("read-all")).isEmpty()) {
          coordinator.tap("#read-all");
        }
        coordinator.waitFor(page -> "0".equals(coordinator.attribute("#bell", "data-unread")));
        check(coordinator, "coordinator-all-read-" + shot, problems);
        coordinator.tap(missing + " a.button");
        coordinator.waitFor(page -> page.getCurrentUrl().endsWith("/console/operations/escalations"));
      } finally {
        // Whatever happened above, her bed is freed for the next run.
        api.post("demo-shelter-manager", "/api/placements/" + placement + "/returned", null);
        api.post("demo-police", "/api/placements/" + placement + "/cancel", null);
        api.post("demo-shelter-manager", "/api/placements/" + placement + "/check-out", "{\"reason\":\"OTHER\"}");
      }
    }
    assertThat(problems).as("accessibility, translation, layout and address problems (screenshots in target/browser)").isEmpty();
  }

  /** From the bell in the page frame, as she would. */
  private static void openNotifications(ConsoleBrowser browser) {
    browser.waitFor(page -> browser.attribute("#bell", "data-unread"));
    browser.tap("#bell");
    browser.waitFor(page -> page.getCurrentUrl().endsWith("/console/notifications")
        && !page.findElements(By.id("notifications")).isEmpty());
  }

  private static void notReloaded(ConsoleBrowser browser) {
    ((JavascriptExecutor) browser.driver()).executeScript("window.safebedNotReloaded = true;");
  }

  private static boolean stillNotReloaded(ConsoleBrowser browser) {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) browser.driver()).executeScript("return window.safebedNotReloaded === true;"));
  }

  private static void check(ConsoleBrowser browser, String screen, List<String> problems) {
    problems.addAll(browser.checkScreen("notifications-" + screen));
    if (browser.driver().getPageSource().contains(ADDRESS)) {
      problems.add(screen + ": shows the shelter's address");
    }
  }
}
