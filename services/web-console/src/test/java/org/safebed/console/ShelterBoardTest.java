package org.safebed.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safebed.platform.testing.TestTokens;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The shelter manager's bed board against WireMock playing the occupancy service: what she sees
 * (beds by state, freshness and its nudge, her residents there), what each tap sends with her own
 * token, how the service's refusals read, and that no address reaches a page even when one is
 * slipped into an answer.
 */
class ShelterBoardTest extends ConsolePageTest {

  private static final String MANAGER = TestTokens.shelterManager("manager-1", "shelter-central-1");
  /** Slipped into every answer: the console must never show it. */
  private static final String ADDRESS = "12 Rue du Secret";

  @BeforeEach
  void stubServices() {
    Instant confirmed = Instant.now().minus(Duration.ofMinutes(185));
    String shelter = """
        {"id":"shelter-central-1","codeName":"Kestrel","region":"central","status":"OPEN","address":"%s",
         "location":{"lat":48.85,"lon":2.35},
         "beds":{"available":2,"held":1,"occupied":1,"outOfService":1},"capacityStale":true,
         "capacityConfirmedAt":"%s"}""".formatted(ADDRESS, confirmed);
    SERVICES.stubFor(get(urlEqualTo("/api/shelters")).willReturn(okJson("[" + shelter + "]")));
    SERVICES.stubFor(get(urlEqualTo("/api/shelters/shelter-central-1")).willReturn(okJson(shelter)));
    SERVICES.stubFor(get(urlEqualTo("/api/shelters/shelter-central-1/beds")).willReturn(okJson("""
        [{"id":"shelter-central-1-bed-1","status":"AVAILABLE"},{"id":"shelter-central-1-bed-2","status":"HELD"},
         {"id":"shelter-central-1-bed-3","status":"OCCUPIED"},{"id":"shelter-central-1-bed-4","status":"OUT_OF_SERVICE","outOfServiceReason":"CLEANING"},
         {"id":"shelter-central-1-bed-5","status":"AVAILABLE"},{"id":"shelter-central-1-bed-6","status":"RETIRED"},
         {"id":"shelter-central-1-bed-7","status":"OUT_OF_SERVICE"}]""")));
    SERVICES.stubFor(get(urlPathEqualTo("/api/placements")).withQueryParam("status", equalTo("CHECKED_IN"))
        .willReturn(okJson("""
            [{"id":"plc-1","status":"CHECKED_IN","shelter":{"codeName":"Kestrel","region":"central"},
              "transport":{"status":"DELIVERED","policeEscortNeeded":false},
              "arrival":{"ageBand":"AGE_16_17","gender":"FEMALE","needs":[]}},
             {"id":"plc-9","status":"CHECKED_IN","shelter":{"codeName":"Osprey","region":"north"},
              "transport":{"status":"DELIVERED","policeEscortNeeded":false}}]""")));
    SERVICES.stubFor(get(urlPathEqualTo("/api/placements")).withQueryParam("status", equalTo("RESIDENT_MISSING"))
        .willReturn(okJson("""
            [{"id":"plc-2","status":"RESIDENT_MISSING","shelter":{"codeName":"Kestrel","region":"central"},
              "missingSince":"2026-12-07T08:00:00Z","bedKeptUntil":"2026-12-08T08:00:00Z",
              "transport":{"status":"DELIVERED","policeEscortNeeded":false}}]""")));
  }

  @ParameterizedTest
  @CsvSource({
      "en, Capacity confirmed 3 h ago, Free (2), Bed board",
      "fr, Capacité confirmée il y a 3 h, Libres (2), Mes centres",
      "nl, Capaciteit 3 u geleden bevestigd, Vrij (2), Mijn opvang"})
  void theBoardShowsBedsByStateFreshnessTheNudgeAndHerResidentsThere(String language, String freshness,
      String free, String menu) throws Exception {
    String board = page(MockMvcRequestBuilders.get("/console/shelters/shelter-central-1"), language).getContentAsString();

    assertThat(board).contains(freshness).contains(free).contains("class=\"banner warning stale\"").contains(menu)
        .contains("data-bed=\"shelter-central-1-bed-4\" data-state=\"OUT_OF_SERVICE\"")
        .doesNotContain("shelter-central-1-bed-6")
        .contains("data-placement=\"plc-1\"").contains("data-placement=\"plc-2\"")
        .as("a resident of her other shelter is not on this board").doesNotContain("plc-9")
        .as("the board listens for the shelter's changes")
        .contains("sse-connect=\"/console/shelters/shelter-central-1/live\"")
        .contains("hx-trigger=\"sse:changed, every 60s\"");
    assertClean(board);
    SERVICES.verify(getRequestedFor(urlEqualTo("/api/shelters/shelter-central-1/beds"))
        .withHeader("Authorization", equalTo("Bearer " + MANAGER)));
  }

  @Test
  void herSheltersListEachWithItsCountsAndFreshness() throws Exception {
    String list = page(MockMvcRequestBuilders.get("/console/shelters"), "en").getContentAsString();

    assertThat(list).contains("href=\"/console/shelters/shelter-central-1\"").contains("Kestrel")
        .contains("Capacity confirmed 3 h ago").contains("class=\"banner warning stale\"");
    assertClean(list);
  }

  @Test
  void capacityConfirmedIsOneTapWithHerToken() throws Exception {
    SERVICES.stubFor(post(urlEqualTo("/api/shelters/shelter-central-1/capacity-check")).willReturn(okJson("{}")));

    MockHttpServletResponse answer = page(multipart("/console/shelters/shelter-central-1/capacity-check"), "en");

    assertThat(answer.getRedirectedUrl()).isEqualTo("/console/shelters/shelter-central-1");
    SERVICES.verify(postRequestedFor(urlEqualTo("/api/shelters/shelter-central-1/capacity-check"))
        .withHeader("Authorization", equalTo("Bearer " + MANAGER)));
  }

  @ParameterizedTest
  @CsvSource({
      "out-of-service, DAMAGED, '{\"inService\":false,\"reason\":\"DAMAGED\"}'",
      "in-service, , '{\"inService\":true}'"})
  void aBedGoesOutOfServiceWithItsReasonAndBackWithout(String action, String reason, String sent) throws Exception {
    String path = "/api/shelters/shelter-central-1/beds/shelter-central-1-bed-1/service-status";
    SERVICES.stubFor(put(urlEqualTo(path)).willReturn(okJson("{\"id\":\"shelter-central-1-bed-1\",\"status\":\"AVAILABLE\"}")));
    var form = multipart("/console/shelters/shelter-central-1/beds/shelter-central-1-bed-1/" + action);
    if (reason != null) {
      form.param("reason", reason);
    }

    MockHttpServletResponse answer = page(form, "en");

    assertThat(answer.getRedirectedUrl()).isEqualTo("/console/shelters/shelter-central-1");
    SERVICES.verify(putRequestedFor(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + MANAGER))
        .withRequestBody(equalToJson(sent)));
  }

  @ParameterizedTest
  @CsvSource({
      "en, Cleaning, reason not recorded, Why is bed 1 out of service?, Repairs or servicing",
      "fr, Nettoyage, raison non enregistrée, Pourquoi le lit 1 est-il hors service ?, Réparation ou entretien",
      "nl, Schoonmaak, reden niet vastgelegd, Waarom is bed 1 buiten gebruik?, Herstelling of onderhoud"})
  void eachBedOutOfServiceSaysWhyAndEachFreeBedOffersTheCodedReasons(String language, String cleaning, String unknown,
      String question, String maintenance) throws Exception {
    String board = page(MockMvcRequestBuilders.get("/console/shelters/shelter-central-1"), language).getContentAsString();

    String bed4 = bed(board, "shelter-central-1-bed-4");
    assertThat(bed4).contains("class=\"bed-reason\">" + cleaning + "<").contains("class=\"secondary in-service\"")
        .doesNotContain("<select");
    assertThat(bed(board, "shelter-central-1-bed-7")).contains("class=\"bed-reason suppressed\">" + unknown + "<");
    String bed1 = bed(board, "shelter-central-1-bed-1");
    assertThat(bed1).contains("<details class=\"bed-out\" id=\"out-shelter-central-1-bed-1\" hx-preserve=\"true\">")
        .contains("<label for=\"reason-shelter-central-1-bed-1\">" + question + "</label>")
        .contains("<select name=\"reason\" required id=\"reason-shelter-central-1-bed-1\">")
        .contains(">" + maintenance + "</option>").doesNotContain("aria-invalid").doesNotContain("<textarea")
        .doesNotContain("type=\"text\"");
    for (String code : new String[] {"MAINTENANCE", "CLEANING", "DAMAGED", "SAFETY", "STAFFING", "OTHER"}) {
      assertThat(bed1).contains("value=\"" + code + "\"");
    }
    assertThat(bed(board, "shelter-central-1-bed-2")).as("a held bed has no choice").doesNotContain("<details");
    assertClean(board);
  }

  @ParameterizedTest
  @CsvSource({"''", "HOLIDAY", "'Anna broke it'"})
  void withoutACodedReasonNothingIsSentAndTheBoardSaysWhatIsMissing(String reason) throws Exception {
    MockHttpServletResponse answer = page(
        multipart("/console/shelters/shelter-central-1/beds/shelter-central-1-bed-5/out-of-service").param("reason", reason),
        "fr");

    assertThat(answer.getStatus()).isEqualTo(422);
    String bed5 = bed(answer.getContentAsString(), "shelter-central-1-bed-5");
    assertThat(bed5).contains("<details class=\"bed-out\" id=\"out-shelter-central-1-bed-5\" open=\"open\">")
        .contains("id=\"reason-error-shelter-central-1-bed-5\" class=\"field-error\" role=\"alert\">Choisissez pourquoi le lit est hors service")
        .contains("aria-invalid=\"true\" aria-describedby=\"reason-error-shelter-central-1-bed-5\"");
    assertThat(bed(answer.getContentAsString(), "shelter-central-1-bed-1")).as("only that bed's").doesNotContain("open=")
        .doesNotContain("aria-invalid");
    assertThat(answer.getContentAsString()).doesNotContain("Anna").doesNotContain("HOLIDAY");
    SERVICES.verify(0, putRequestedFor(anyUrl()));
  }

  /** One bed's line on the board. */
  private static String bed(String board, String id) {
    int start = board.indexOf("data-bed=\"" + id + "\"");
    assertThat(start).as(id).isNotNegative();
    return board.substring(start, board.indexOf("</li>", start));
  }

  @Test
  void aCheckOutSaysWhereSheWentInTheServicesCodes() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/placements/plc-1")).willReturn(okJson(
        "{\"id\":\"plc-1\",\"status\":\"CHECKED_IN\",\"transport\":{\"status\":\"DELIVERED\",\"policeEscortNeeded\":false}}")));
    SERVICES.stubFor(post(urlEqualTo("/api/placements/plc-1/check-out")).willReturn(okJson("{\"id\":\"plc-1\",\"status\":\"CHECKED_OUT\"}")));

    String form = page(MockMvcRequestBuilders.get("/console/shelters/shelter-central-1/residents/plc-1/check-out"), "fr")
        .getContentAsString();
    assertThat(form).contains("Retour dans sa famille").contains("value=\"RETURNED_TO_FAMILY\"").doesNotContain("value=\"MISSING\"");
    assertClean(form);

    MockHttpServletResponse answer = page(multipart("/console/shelters/shelter-central-1/residents/plc-1/check-out")
        .param("reason", "RETURNED_TO_FAMILY"), "fr");

    assertThat(answer.getRedirectedUrl()).isEqualTo("/console/shelters/shelter-central-1");
    SERVICES.verify(postRequestedFor(urlEqualTo("/api/placements/plc-1/check-out"))
        .withHeader("Authorization", equalTo("Bearer " + MANAGER))
        .withRequestBody(equalToJson("{\"reason\":\"RETURNED_TO_FAMILY\"}")));
  }

  @Test
  void aCheckOutWithoutAKnownReasonIsAskedAgainAndNothingIsSent() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/placements/plc-1")).willReturn(okJson("{\"id\":\"plc-1\",\"status\":\"CHECKED_IN\"}")));

    MockHttpServletResponse answer = page(multipart("/console/shelters/shelter-central-1/residents/plc-1/check-out")
        .param("reason", "MISSING"), "en");

    assertThat(answer.getStatus()).isEqualTo(422);
    assertThat(answer.getContentAsString()).contains("Choose where she went.");
    SERVICES.verify(0, postRequestedFor(urlEqualTo("/api/placements/plc-1/check-out")));
  }

  @Test
  void aCheckOutWithNoReasonAtAllIsAskedAgainToo() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/placements/plc-1")).willReturn(okJson("{\"id\":\"plc-1\",\"status\":\"CHECKED_IN\"}")));

    MockHttpServletResponse answer = page(multipart("/console/shelters/shelter-central-1/residents/plc-1/check-out"), "en");

    assertThat(answer.getStatus()).isEqualTo(422);
    assertThat(answer.getContentAsString()).contains("Choose where she went.");
    SERVICES.verify(0, postRequestedFor(urlEqualTo("/api/placements/plc-1/check-out")));
  }

  @ParameterizedTest
  @CsvSource({"missing", "returned"})
  void missingAndReturnedAreReportedWithHerToken(String report) throws Exception {
    SERVICES.stubFor(post(urlEqualTo("/api/placements/plc-2/" + report)).willReturn(okJson("{\"id\":\"plc-2\"}")));

    MockHttpServletResponse answer = page(multipart("/console/shelters/shelter-central-1/residents/plc-2/" + report), "en");

    assertThat(answer.getRedirectedUrl()).isEqualTo("/console/shelters/shelter-central-1");
    SERVICES.verify(postRequestedFor(urlEqualTo("/api/placements/plc-2/" + report))
        .withHeader("Authorization", equalTo("Bearer " + MANAGER)));
  }

  @Test
  void compromisedIsConfirmedFirstWithWhatItTriggers() throws Exception {
    SERVICES.stubFor(put(urlEqualTo("/api/shelters/shelter-central-1/status")).willReturn(okJson("{}")));

    String confirm = page(MockMvcRequestBuilders.get("/console/shelters/shelter-central-1/compromised"), "en")
        .getContentAsString();
    assertThat(confirm).contains("No new placements are sent here.").contains("urgent place in another shelter")
        .contains("It cannot be undone");
    assertClean(confirm);
    SERVICES.verify(0, putRequestedFor(urlEqualTo("/api/shelters/shelter-central-1/status")));

    MockHttpServletResponse answer = page(multipart("/console/shelters/shelter-central-1/compromised"), "en");

    assertThat(answer.getRedirectedUrl()).isEqualTo("/console/shelters/shelter-central-1");
    SERVICES.verify(putRequestedFor(urlEqualTo("/api/shelters/shelter-central-1/status"))
        .withHeader("Authorization", equalTo("Bearer " + MANAGER))
        .withRequestBody(equalToJson("{\"status\":\"COMPROMISED\"}")));
  }

  @ParameterizedTest
  @CsvSource({
      "404, This does not exist, or it is not yours to see.",
      "403, Your role cannot do this.",
      "409, This has already changed in the meantime."})
  void theServicesRefusalsReadInPlainWords(int status, String words) throws Exception {
    SERVICES.stubFor(post(urlEqualTo("/api/shelters/shelter-south-2/capacity-check")).willReturn(aResponse()
        .withStatus(status).withHeader("Content-Type", "application/problem+json")
        .withBody("{\"status\":" + status + ",\"title\":\"service words\",\"detail\":\"" + ADDRESS + "\"}")));

    MockHttpServletResponse answer = page(multipart("/console/shelters/shelter-south-2/capacity-check"), "en");

    assertThat(answer.getStatus()).isEqualTo(status);
    assertThat(answer.getContentAsString()).contains(words).doesNotContain("service words").doesNotContain(ADDRESS);
  }

  @Test
  void theLiveBoardFollowsTheShelterWithHerTokenAndPassesOnlyThatSomethingChanged() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/shelters/shelter-central-1/events")).willReturn(aResponse()
        .withHeader("Content-Type", "text/event-stream")
        .withBody("""
            event:shelter
            data:{"id":"shelter-central-1","codeName":"Kestrel","beds":{"available":1,"held":2}}

            event:placement
            data:{"id":"plc-3","status":"HELD","arrival":{"ageBand":"AGE_14_15"}}

            """)));

    MvcResult result = mvc.perform(MockMvcRequestBuilders.get("/console/shelters/shelter-central-1/live")
        .header("Authorization", "Bearer " + MANAGER).header("Accept", "text/event-stream")).andReturn();
    result.getAsyncResult(Duration.ofSeconds(10).toMillis());
    String stream = result.getResponse().getContentAsString();

    assertThat(stream).contains("event:changed\ndata:shelter").contains("event:changed\ndata:placement")
        .doesNotContain("Kestrel").doesNotContain("plc-3").doesNotContain("AGE_14_15");
    SERVICES.verify(getRequestedFor(urlEqualTo("/api/shelters/shelter-central-1/events"))
        .withHeader("Authorization", equalTo("Bearer " + MANAGER)));
  }

  @Test
  void policeCannotOpenTheBoardAndTheServiceIsNotAsked() throws Exception {
    MockHttpServletResponse refused = mvc.perform(MockMvcRequestBuilders.get("/console/shelters/shelter-central-1")
        .header("Authorization", "Bearer " + TestTokens.police("officer-1")).header("X-SafeBed-Language", "en"))
        .andReturn().getResponse();

    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentAsString()).contains("Your role cannot do this.");
    SERVICES.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aCoordinatorMayOpenTheBoardToo() throws Exception {
    MockHttpServletResponse board = mvc.perform(MockMvcRequestBuilders.get("/console/shelters/shelter-central-1")
        .header("Authorization", "Bearer " + TestTokens.coordinator("coordinator-1")).header("X-SafeBed-Language", "en"))
        .andReturn().getResponse();

    assertThat(board.getStatus()).isEqualTo(200);
    assertThat(board.getContentAsString()).contains("Kestrel");
  }

  private MockHttpServletResponse page(AbstractMockHttpServletRequestBuilder<?> request, String language) throws Exception {
    request.header("Authorization", "Bearer " + MANAGER).header("X-SafeBed-Csrf", "csrf-token-1")
        .header("X-SafeBed-Language", language);
    return mvc.perform(request).andReturn().getResponse();
  }

  /** Every text in the page's language, and no address even when the service slipped one in. */
  private static void assertClean(String html) {
    assertThat(UNTRANSLATED.matcher(html).find()).as("an untranslated text").isFalse();
    assertThat(html).doesNotContain(ADDRESS).doesNotContain("48.85");
  }
}
