package org.safebed.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The coordinator's dead letters and audit trail, per service, against WireMock playing each
 * service's actuator at its own address: what is listed (never an event's content), replay and
 * delete after a confirmation with her own token, the audit filter sent on, and refusals in plain words.
 */
@SpringBootTest(properties = "spring.config.name=" + WebConsoleApplication.CONFIG_NAME)
@AutoConfigureMockMvc
// Not on ConsolePageTest: rental referral must sit at an address of its own here, to show each
// service's operations are asked where that service is, and a subclass cannot override the base's
// dynamic property (the base's registration runs last).
class OperationsRecordsTest {

  private static final WireMockServer SERVICES = start();
  private static final WireMockServer RENTAL_REFERRAL = start();
  private static final String COORDINATOR = TestTokens.coordinator("coordinator-1");
  private static final String BEARER = "Bearer " + COORDINATOR;
  private static final String POLICE = TestTokens.police("officer-1");

  private static final String DEAD_LETTERS = """
      {"queue":"transport.inbox.dlq","total":2,"deadLetters":[
        {"eventId":"evt-1","type":"PlacementHeld","reason":"delivery_limit","deliveries":6,"deadLetterings":1,
         "deadLetteredAt":"2026-12-07T07:00:00Z","body":"SECRET-PAYLOAD"},
        {"eventId":"evt-2","type":"PlacementCancelled","reason":"rejected","deliveries":null,"deadLetterings":3,
         "deadLetteredAt":"2026-12-07T08:30:00Z"}]}""";

  @Autowired
  private MockMvc mvc;

  private static WireMockServer start() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    return server;
  }

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add("safebed.security.token.issuer", () -> TestTokens.ISSUER);
    registry.add("safebed.security.token.public-key", TestTokens::publicKeyBase64);
    registry.add("safebed.security.token.jwk-set-uri", () -> "");
    registry.add("safebed.console.shelter-occupancy-url", SERVICES::baseUrl);
    registry.add("safebed.console.transport-url", SERVICES::baseUrl);
    registry.add("safebed.console.rental-referral-url", RENTAL_REFERRAL::baseUrl);
  }

  @AfterAll
  static void stop() {
    SERVICES.stop();
    RENTAL_REFERRAL.stop();
  }

  @BeforeEach
  void services() {
    SERVICES.resetAll();
    RENTAL_REFERRAL.resetAll();
    SERVICES.stubFor(get(urlEqualTo("/actuator/deadletters")).willReturn(okJson(DEAD_LETTERS)));
    RENTAL_REFERRAL.stubFor(get(urlEqualTo("/actuator/deadletters")).willReturn(okJson(
        "{\"queue\":\"rental-referral.inbox.dlq\",\"total\":0,\"deadLetters\":[]}")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "nl", "en"})
  void deadLettersAndAuditAreCompleteInEachLanguageAsTabsOfTheOperationsScreens(String language) throws Exception {
    stubAudit("{\"entries\":[],\"nextBefore\":null}");
    for (String path : new String[] {"/console/operations/dead-letters/transport", "/console/operations/audit/transport",
        "/console/operations/dead-letters/transport/confirm?what=replay"}) {
      MockHttpServletResponse page = page(MockMvcRequestBuilders.get(path), COORDINATOR, language);
      assertThat(page.getStatus()).as(path).isEqualTo(200);
      assertThat(page.getContentAsString()).as(path).contains("lang=\"" + language + "\"")
          .doesNotContainPattern("\\?\\?[^?<\"]+\\?\\?").doesNotContain("<script>").doesNotContain(" style=\"");
    }
    // The same tab bar as the dashboard's, escalations' and drivers' (one fragment), with these two added.
    assertThat(page(MockMvcRequestBuilders.get("/console/operations/audit/transport"), COORDINATOR, language)
        .getContentAsString()).contains("href=\"/console/operations\"").contains("href=\"/console/operations/drivers\"")
        .contains("href=\"/console/operations/dead-letters\"").contains("href=\"/console/operations/audit\"")
        .contains("href=\"/console/operations/audit/rental-referral\"");
  }

  @Test
  void eachServicesDeadLettersAreListedByTypeReasonAndAgeInHerZoneWithHerTokenAndNeverTheirContent() throws Exception {
    String html = page(MockMvcRequestBuilders.get("/console/operations/dead-letters/transport"), COORDINATOR, "en")
        .getContentAsString();

    assertThat(html).contains("2 events wait here; 2 shown").contains("PlacementHeld").contains("PlacementCancelled")
        .contains("It kept failing, or this service cannot read it.").contains("This service refused it.")
        .contains("Set aside 12/7/26, 8:00\u202fAM").contains("Set aside 3 times")
        .contains("/console/operations/dead-letters/transport/confirm?what=replay&amp;event=evt-1")
        .contains("/console/operations/dead-letters/transport/confirm?what=delete&amp;event=evt-2")
        .doesNotContain("SECRET-PAYLOAD").doesNotContain("delivery_limit");
    SERVICES.verify(getRequestedFor(urlEqualTo("/actuator/deadletters")).withHeader("Authorization", equalTo(BEARER)));

    // Rental referral is asked at its own address, not occupancy's or transport's.
    String rental = page(MockMvcRequestBuilders.get("/console/operations/dead-letters/rental-referral"), COORDINATOR, "en")
        .getContentAsString();
    assertThat(rental).contains("None: this service handled every event it received.");
    RENTAL_REFERRAL.verify(getRequestedFor(urlEqualTo("/actuator/deadletters")).withHeader("Authorization", equalTo(BEARER)));
    assertThat(page(MockMvcRequestBuilders.get("/console/operations/dead-letters/elsewhere"), COORDINATOR, "en").getStatus())
        .isEqualTo(404);
  }

  @Test
  void replayAndDeleteAskFirstThenSayWhatHappenedSentWithHerToken() throws Exception {
    SERVICES.stubFor(post(urlEqualTo("/actuator/deadletters/evt-1")).willReturn(okJson("{\"replayed\":[\"evt-1\"],\"failed\":0}")));
    SERVICES.stubFor(post(urlEqualTo("/actuator/deadletters")).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "application/json").withBody("{\"replayed\":[\"evt-1\"],\"failed\":2}")));
    SERVICES.stubFor(delete(urlEqualTo("/actuator/deadletters/evt-2")).willReturn(aResponse().withStatus(204)));
    SERVICES.stubFor(delete(urlEqualTo("/actuator/deadletters/evt-9")).willReturn(aResponse().withStatus(404)));

    String confirm = page(MockMvcRequestBuilders.get("/console/operations/dead-letters/transport/confirm")
        .param("what", "delete").param("event", "evt-2"), COORDINATOR, "en").getContentAsString();
    assertThat(confirm).contains("Delete this event for good?").contains("Event evt-2")
        .contains("action=\"/console/operations/dead-letters/transport/delete?event=evt-2\"");
    // "All" posts no event at all (an empty one would be taken for an event gone); a made-up id is not shown back.
    assertThat(page(MockMvcRequestBuilders.get("/console/operations/dead-letters/transport/confirm").param("what", "replay"),
        COORDINATOR, "en").getContentAsString()).contains("Put every event back?")
        .contains("action=\"/console/operations/dead-letters/transport/replay\"");
    assertThat(page(MockMvcRequestBuilders.get("/console/operations/dead-letters/transport/confirm").param("what", "delete")
        .param("event", "<b>call 0800</b>"), COORDINATOR, "en").getStatus()).isEqualTo(404);
    // Asking changes nothing.
    SERVICES.verify(0, deleteRequestedFor(urlEqualTo("/actuator/deadletters/evt-2")));

    assertThat(said(multipart("/console/operations/dead-letters/transport/replay").param("event", "evt-1")))
        .isEqualTo("1 put back: the service is handling them again.");
    assertThat(said(multipart("/console/operations/dead-letters/transport/replay")))
        .isEqualTo("1 put back; 2 could not be and are still here. Try again in a moment.");
    assertThat(said(multipart("/console/operations/dead-letters/transport/delete").param("event", "evt-2")))
        .isEqualTo("Deleted: the service will never handle it.");
    assertThat(said(multipart("/console/operations/dead-letters/transport/delete").param("event", "evt-9")))
        .startsWith("It was no longer here");

    SERVICES.verify(postRequestedFor(urlEqualTo("/actuator/deadletters/evt-1")).withHeader("Authorization", equalTo(BEARER)));
    SERVICES.verify(postRequestedFor(urlEqualTo("/actuator/deadletters")).withHeader("Authorization", equalTo(BEARER)));
    SERVICES.verify(deleteRequestedFor(urlEqualTo("/actuator/deadletters/evt-2")).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void aServiceThatRefusesOrCannotBeReachedIsSaidInPlainWords() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/actuator/deadletters")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"needs SCOPE_operations\"}")));
    RENTAL_REFERRAL.stubFor(get(urlEqualTo("/actuator/audit")).willReturn(aResponse().withStatus(502)));

    MockHttpServletResponse refused = page(MockMvcRequestBuilders.get("/console/operations/dead-letters/transport"), COORDINATOR, "en");
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentAsString()).contains("Your role cannot do this.")
        .doesNotContain("needs SCOPE_operations").doesNotContain("Forbidden");

    MockHttpServletResponse down = page(MockMvcRequestBuilders.get("/console/operations/audit/rental-referral"), COORDINATOR, "fr");
    assertThat(down.getStatus()).isEqualTo(503);
    assertThat(down.getContentAsString()).contains("lang=\"fr\"").doesNotContain("502");
  }

  @Test
  void theAuditTrailShowsTheChainAndHeadThenEntriesFilteredAsSheAskedWithHerToken() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/actuator/audit")).willReturn(okJson("""
        {"intact":true,"entriesChecked":250,"firstBrokenSeq":null,"headSeq":250,"headHash":"%s"}""".formatted("ab".repeat(32)))));
    SERVICES.stubFor(get(urlPathEqualTo("/actuator/audit/entries")).willReturn(okJson("""
        {"entries":[
          {"seq":250,"at":"2026-12-07T13:05:00Z","actor":"transport-service","actorRole":"SERVICE","onBehalfOf":"driver-7",
           "action":"ADDRESS_DISCLOSED","recordType":"shelter","recordId":"shelter-1","purpose":"TRANSPORT_DESTINATION","outcome":"DENIED"},
          {"seq":248,"at":"2026-12-07T13:00:00Z","actor":"coordinator-2","actorRole":"COORDINATOR","onBehalfOf":null,
           "action":"CAPACITY_CHANGED","recordType":"shelter","recordId":"shelter-1","purpose":null,"outcome":"GRANTED"}],
         "nextBefore":248}""")));

    String html = page(MockMvcRequestBuilders.get("/console/operations/audit/shelter-occupancy")
        .param("recordType", "shelter").param("recordId", " shelter-1 ").param("actor", "")
        .param("outcome", "DENIED").param("action", "A&B=C"), COORDINATOR, "en").getContentAsString();

    assertThat(html).contains("Untouched: all 250 entries check out.").contains("Last entry: no. 250").contains("ab".repeat(32))
        .contains("No. 250").contains("ADDRESS_DISCLOSED").contains("Denied").contains("driver-7")
        .contains("transport-service (SERVICE)").contains("TRANSPORT_DESTINATION").contains("12/7/26, 2:05\u202fPM")
        .contains("before=248").contains("value=\"shelter-1\"");
    assertThat(html.indexOf("No. 250")).isLessThan(html.indexOf("No. 248"));
    SERVICES.verify(getRequestedFor(urlEqualTo("/actuator/audit/entries?recordType=shelter&recordId=shelter-1&action=A%26B%3DC&outcome=DENIED"))
        .withHeader("Authorization", equalTo(BEARER)));
    SERVICES.verify(getRequestedFor(urlEqualTo("/actuator/audit")).withHeader("Authorization", equalTo(BEARER)));

    // An outcome the services never record is not sent on; the next page reads on from "before".
    page(MockMvcRequestBuilders.get("/console/operations/audit/shelter-occupancy").param("outcome", "<x>")
        .param("before", "248"), COORDINATOR, "en");
    SERVICES.verify(getRequestedFor(urlEqualTo("/actuator/audit/entries?before=248")));
  }

  @Test
  void aBrokenChainIsSaidWithWhereItWasChanged() throws Exception {
    stubAudit("{\"entries\":[],\"nextBefore\":null}");
    SERVICES.stubFor(get(urlEqualTo("/actuator/audit")).willReturn(okJson("""
        {"intact":false,"entriesChecked":40,"firstBrokenSeq":41,"headSeq":250,"headHash":"ff"}""")));

    String html = page(MockMvcRequestBuilders.get("/console/operations/audit/transport"), COORDINATOR, "en").getContentAsString();

    assertThat(html).contains("Changed: entry no. 41 was altered, removed or inserted (40 entries before it check out).")
        .contains("No entry matches.").doesNotContain("Untouched");
  }

  @Test
  void onlyCoordinatorsOpenThemAndNoServiceIsAskedForAnyoneElse() throws Exception {
    for (String path : new String[] {"/console/operations/dead-letters/transport", "/console/operations/audit/transport"}) {
      MockHttpServletResponse answer = page(MockMvcRequestBuilders.get(path), POLICE, "en");
      assertThat(answer.getStatus()).isEqualTo(403);
      assertThat(answer.getContentAsString()).contains("Your role cannot do this.");
    }
    assertThat(page(multipart("/console/operations/dead-letters/transport/replay"), POLICE, "en").getStatus()).isEqualTo(403);
    SERVICES.verify(0, getRequestedFor(urlPathEqualTo("/actuator/deadletters")));
    SERVICES.verify(0, postRequestedFor(urlPathEqualTo("/actuator/deadletters")));
    SERVICES.verify(0, getRequestedFor(urlPathEqualTo("/actuator/audit")));
  }

  private void stubAudit(String entries) {
    SERVICES.stubFor(get(urlEqualTo("/actuator/audit")).willReturn(okJson("""
        {"intact":true,"entriesChecked":3,"firstBrokenSeq":null,"headSeq":3,"headHash":"abc"}""")));
    SERVICES.stubFor(get(urlPathEqualTo("/actuator/audit/entries")).willReturn(okJson(entries)));
  }

  /** Posts, follows the redirect, and gives what the page then says happened. */
  private String said(AbstractMockHttpServletRequestBuilder<?> action) throws Exception {
    MockHttpServletResponse answer = page(action, COORDINATOR, "en");
    assertThat(answer.getRedirectedUrl()).startsWith("/console/operations/dead-letters/transport?done=");
    String html = page(MockMvcRequestBuilders.get(answer.getRedirectedUrl()), COORDINATOR, "en").getContentAsString();
    int start = html.indexOf("role=\"status\">") + "role=\"status\">".length();
    return html.substring(start, html.indexOf("</p>", start));
  }

  private MockHttpServletResponse page(AbstractMockHttpServletRequestBuilder<?> request, String token, String language)
      throws Exception {
    request.header("Authorization", "Bearer " + token).header("X-SafeBed-Csrf", "csrf-token-1");
    if (language != null) {
      request.header("X-SafeBed-Language", language);
    }
    return mvc.perform(request).andReturn().getResponse();
  }
}
