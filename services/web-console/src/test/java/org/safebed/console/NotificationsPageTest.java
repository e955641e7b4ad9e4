package org.safebed.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safebed.platform.testing.TestTokens;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Her notifications against WireMock playing the services (one WireMock plays all three, so a
 * coordinator, who hears from occupancy and transport, gets its answer twice, once from each).
 */
class NotificationsPageTest extends ConsolePageTest {

  private static final String POLICE = TestTokens.police("officer-1");
  private static final String COORDINATOR = TestTokens.coordinator("coordinator-1");
  private static final String DRIVER = TestTokens.driver("driver-1");

  private static final String PAGE = """
      {"unread":1,"items":[
        {"id":"missing-plc-1-1","kind":"RESIDENT_MISSING","severity":"CRITICAL",
         "record":{"type":"PLACEMENT","id":"plc-1"},"raisedAt":"2026-12-07T13:05:00Z","read":false},
        {"id":"held-plc-1-heron","kind":"PLACEMENT_HELD","severity":"INFO",
         "record":{"type":"PLACEMENT","id":"plc-1"},"raisedAt":"2026-12-07T12:00:00Z","read":true}]}""";

  @BeforeEach
  void stubServices() {
    SERVICES.stubFor(get(urlPathEqualTo("/api/notifications")).willReturn(okJson(PAGE)));
    SERVICES.stubFor(post(urlPathEqualTo("/api/notifications/missing-plc-1-1/read")).willReturn(noContent()));
    SERVICES.stubFor(post(urlEqualTo("/api/notifications/read")).willReturn(noContent()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "nl", "en"})
  void herNotificationsSayWhatHappenedHowUrgentAndLinkToTheRecordInEachLanguage(String language) throws Exception {
    MockHttpServletResponse page = page(MockMvcRequestBuilders.get("/console/notifications"), POLICE, language);

    String html = page.getContentAsString();
    assertThat(page.getStatus()).isEqualTo(200);
    assertUntranslatedNone(html);
    assertThat(html).contains("lang=\"" + language + "\"").doesNotContain(" style=\"")
        .contains("data-kind=\"RESIDENT_MISSING\"").contains("data-kind=\"PLACEMENT_HELD\"")
        .contains("class=\"card notice unread critical\"").contains("class=\"card notice read info\"")
        .contains("href=\"/console/police/placements/plc-1\"")
        .contains("action=\"/console/notifications/OCCUPANCY/missing-plc-1-1/read\"")
        .doesNotContain("action=\"/console/notifications/OCCUPANCY/held-plc-1-heron/read\"");
    assertThat(html.indexOf("missing-plc-1-1")).as("newest first").isLessThan(html.indexOf("held-plc-1-heron"));
    SERVICES.verify(getRequestedFor(urlEqualTo("/api/notifications?limit=50"))
        .withHeader("Authorization", equalTo("Bearer " + POLICE)));
  }

  @Test
  void everyPageFollowsHerNotificationsLiveAndShowsTheBell() throws Exception {
    String html = page(MockMvcRequestBuilders.get("/console/notifications"), POLICE, "en").getContentAsString();

    assertThat(html).contains("sse-connect=\"/console/notifications/live\"").contains("id=\"bell\"");
  }

  @Test
  void theBellCountsWhatSheHasNotRead() throws Exception {
    String bell = page(MockMvcRequestBuilders.get("/console/notifications/bell"), POLICE, "en").getContentAsString();

    assertThat(bell).contains("aria-label=\"Notifications: 1 unread\"").contains("class=\"bell-count\"")
        .contains("hx-trigger=\"sse:changed, every 60s\"");
  }

  @Test
  void aCoordinatorHearsFromOccupancyAndTransportAndReadGoesBackWhereItCameFrom() throws Exception {
    String html = page(MockMvcRequestBuilders.get("/console/notifications"), COORDINATOR, "en").getContentAsString();

    assertThat(html).contains("2 unread")
        .contains("action=\"/console/notifications/OCCUPANCY/missing-plc-1-1/read\"")
        .contains("action=\"/console/notifications/TRANSPORT/missing-plc-1-1/read\"")
        .contains("href=\"/console/operations/escalations\"");

    MockHttpServletResponse read =
        page(multipart("/console/notifications/OCCUPANCY/missing-plc-1-1/read"), COORDINATOR, "en");
    MockHttpServletResponse all = page(multipart("/console/notifications/read"), COORDINATOR, "en");

    assertThat(read.getRedirectedUrl()).isEqualTo("/console/notifications");
    assertThat(all.getRedirectedUrl()).isEqualTo("/console/notifications");
    SERVICES.verify(1, postRequestedFor(urlEqualTo("/api/notifications/missing-plc-1-1/read"))
        .withHeader("Authorization", equalTo("Bearer " + COORDINATOR)));
    SERVICES.verify(2, postRequestedFor(urlEqualTo("/api/notifications/read")));
  }

  @Test
  void anUnknownServiceIsNotFoundAndNothingIsSent() throws Exception {
    assertThat(page(multipart("/console/notifications/ELSEWHERE/x/read"), POLICE, "en").getStatus()).isEqualTo(404);
    SERVICES.verify(0, postRequestedFor(urlPathEqualTo("/api/notifications/x/read")));
  }

  @Test
  void aServiceAwayLeavesTheOthersShownAndSaysSo() throws Exception {
    SERVICES.stubFor(get(urlPathEqualTo("/api/notifications")).willReturn(aResponse().withStatus(503)));

    MockHttpServletResponse page = page(MockMvcRequestBuilders.get("/console/notifications"), DRIVER, "en");

    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("could not be loaded").contains("No notifications for you.");
  }
}
