package org.safebed.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safebed.platform.testing.TestTokens;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The coordinator's screens against WireMock playing occupancy and transport: the dashboard's
 * numbers (suppressed ones never shown as a number), the escalation inbox and its actions sent with
 * her own token, the drivers' board, and refusals in plain words.
 */
class OperationsPagesTest extends ConsolePageTest {

  private static final String COORDINATOR = TestTokens.coordinator("coordinator-1");
  private static final String POLICE = TestTokens.police("officer-1");

  /** North: held and occupied suppressed (one sent with a value it must not show); south: all shown. */
  private static final String STATISTICS = """
      {"generatedAt":"2026-12-07T13:00:00Z","windowStart":"2026-11-30T13:00:00Z","minimumCount":5,
       "occupancyByRegion":[
         {"region":"north","inServiceBeds":{"value":12,"suppressed":false},"held":{"value":3,"suppressed":true},
          "occupied":{"value":null,"suppressed":true},"available":{"value":7,"suppressed":false}},
         {"region":"south","inServiceBeds":{"value":20,"suppressed":false},"held":{"value":5,"suppressed":false},
          "occupied":{"value":9,"suppressed":false},"available":{"value":6,"suppressed":false}}],
       "requestToHold":{"p50Minutes":4.2,"p90Minutes":11.8,"samples":{"value":40,"suppressed":false},"suppressed":false},
       "holdToCheckIn":{"p50Minutes":null,"p90Minutes":null,"samples":{"value":null,"suppressed":true},"suppressed":true},
       "waitlistLength":{"value":null,"suppressed":true},"unmetDemand":{"value":6,"suppressed":false}}""";

  @BeforeEach
  void stubServices() {
    SERVICES.stubFor(get(urlPathEqualTo("/api/statistics")).willReturn(okJson(STATISTICS)));
    SERVICES.stubFor(get(urlPathEqualTo("/api/placements")).willReturn(okJson("[]")));
    SERVICES.stubFor(get(urlPathEqualTo("/api/escalations")).willReturn(okJson("[]")));
    SERVICES.stubFor(get(urlPathEqualTo("/api/alerts")).willReturn(okJson("[]")));
    SERVICES.stubFor(get(urlPathEqualTo("/api/shelters")).willReturn(okJson("[]")));
    SERVICES.stubFor(get(urlEqualTo("/api/transport/jobs?status=UNASSIGNED")).willReturn(okJson("""
        [{"id":"job-7","placementId":"plc-7","kind":"PICKUP","status":"UNASSIGNED","region":"north","minor":true,
          "unassignedReason":"NO_DRIVER","createdAt":"2026-12-07T12:00:00Z","updatedAt":"2026-12-07T12:10:00Z"}]""")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "nl", "en"})
  void theDashboardIsCompleteInEachLanguageWithItsChartsDataAndNoInlineScript(String language) throws Exception {
    MockHttpServletResponse page = page(MockMvcRequestBuilders.get("/console/operations"), COORDINATOR, language);

    String html = page.getContentAsString();
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(html).contains("lang=\"" + language + "\"").doesNotContainPattern("\\?\\?[^?<\"]+\\?\\?")
        .contains("id=\"occupancy-chart\"").contains("id=\"durations-chart\"").contains("id=\"waiting-chart\"")
        .containsPattern("/console/webjars/uplot/[0-9.]+/dist/uPlot.iife.min.js").contains("/console/static/charts.js")
        .doesNotContain("<script>").doesNotContain(" style=\"")
        .contains("href=\"/console/operations\"");
  }

  @Test
  void aSuppressedCountReadsFewerThanTheMinimumAndIsNeverDrawnOrShownAsANumber() throws Exception {
    String html = page(MockMvcRequestBuilders.get("/console/operations"), COORDINATOR, "en").getContentAsString();

    String north = html.substring(html.indexOf("<th scope=\"row\">North</th>"), html.indexOf("<th scope=\"row\">South</th>"));
    assertThat(north).contains("<span>12</span>").contains("<span>7</span>").doesNotContain(">3<");
    assertThat(count(north, "fewer than 5")).isEqualTo(2);
    // The chart gets null where the API suppressed: no bar, and not the 3 that came with it.
    assertThat(html).contains("&quot;values&quot;:[12,20]").contains("&quot;values&quot;:[null,5]").contains("&quot;values&quot;:[null,9]")
        .contains("&quot;values&quot;:[7,6]");
    // Held to check-in came from too few placements; the waitlist length is under the minimum.
    assertThat(html).contains("too few placements (fewer than 5)").contains("4 min").contains("12 min")
        .contains("&quot;values&quot;:[null,6,1]");
  }

  @Test
  void theLastDayIsShownFirstWithHoldToAssignedSuppressedAsTheServiceSaysAndTheWeekIsOneLinkAway() throws Exception {
    SERVICES.stubFor(get(urlPathEqualTo("/api/statistics")).withQueryParam("window", equalTo("DAY"))
        .willReturn(okJson(withHoldToAssigned("DAY",
            "{\"p50Minutes\":null,\"p90Minutes\":null,\"samples\":{\"value\":null,\"suppressed\":true},\"suppressed\":true}"))));
    SERVICES.stubFor(get(urlPathEqualTo("/api/statistics")).withQueryParam("window", equalTo("WEEK"))
        .willReturn(okJson(withHoldToAssigned("WEEK",
            "{\"p50Minutes\":6.0,\"p90Minutes\":18.0,\"samples\":{\"value\":12,\"suppressed\":false},\"suppressed\":false}"))));

    String day = page(MockMvcRequestBuilders.get("/console/operations"), COORDINATOR, "en").getContentAsString();

    assertThat(day).contains("<span id=\"period-label\">Period</span>")
        .contains("<nav class=\"period\" id=\"period\" aria-labelledby=\"period-label\">")
        .contains("href=\"/console/operations?window=DAY\" data-window=\"DAY\" aria-current=\"page\">Last 24 hours</a>")
        .contains("href=\"/console/operations?window=WEEK\" data-window=\"WEEK\">Last 7 days</a>")
        .contains("How long it takes · Last 24 hours");
    String dayRow = row(day, "hold-to-assigned");
    assertThat(dayRow).contains("Bed held to driver assigned").doesNotContain(" min<");
    assertThat(count(dayRow, "too few placements (fewer than 5)")).isEqualTo(2);
    assertThat(dayRow).contains("fewer than 5");
    // Request to held, held to assigned, held to checked in: nothing drawn where the service said too few.
    assertThat(day).contains("&quot;values&quot;:[4.2,null,null]").contains("&quot;values&quot;:[11.8,null,null]");
    SERVICES.verify(getRequestedFor(urlEqualTo("/api/statistics?window=DAY")));

    String week = page(MockMvcRequestBuilders.get("/console/operations").param("window", "WEEK"), COORDINATOR, "fr")
        .getContentAsString();

    assertThat(week).contains("data-window=\"WEEK\" aria-current=\"page\">7 derniers jours</a>")
        .contains("data-window=\"DAY\">Dernières 24 heures</a>").contains("Délais · 7 derniers jours");
    String weekRow = row(week, "hold-to-assigned");
    assertThat(weekRow).contains("De la place réservée au chauffeur désigné").contains("6 min").contains("18 min")
        .contains("<span>12</span>").doesNotContain("moins de 5");
    assertThat(week).contains("&quot;values&quot;:[4.2,6.0,null]").contains("&quot;values&quot;:[11.8,18.0,null]");
    SERVICES.verify(getRequestedFor(urlEqualTo("/api/statistics?window=WEEK")));
  }

  @Test
  void anyOtherWindowIsTheLastDay() throws Exception {
    String html = page(MockMvcRequestBuilders.get("/console/operations").param("window", "YEAR"), COORDINATOR, "en")
        .getContentAsString();

    assertThat(html).contains("data-window=\"DAY\" aria-current=\"page\"").doesNotContain("YEAR");
    SERVICES.verify(getRequestedFor(urlEqualTo("/api/statistics?window=DAY")));
    SERVICES.verify(0, getRequestedFor(urlEqualTo("/api/statistics?window=YEAR")));
  }

  /** The statistics as a service answers them that knows windows and hold to assigned. */
  private static String withHoldToAssigned(String window, String percentiles) {
    return STATISTICS.replace("\"minimumCount\":5,", "\"minimumCount\":5,\"window\":\"" + window + "\",")
        .replace("\"waitlistLength\"", "\"holdToTransportAssigned\":" + percentiles + ",\"waitlistLength\"");
  }

  /** One row of a table, by its id. */
  private static String row(String html, String id) {
    int start = html.indexOf("<tr id=\"" + id + "\">");
    assertThat(start).as(id).isNotNegative();
    return html.substring(start, html.indexOf("</tr>", start));
  }

  @Test
  void transportDownLeavesOccupancysNumbersShownAndSaysItsCountIsUnknown() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/transport/jobs?status=UNASSIGNED")).willReturn(aResponse().withStatus(503)));

    MockHttpServletResponse page = page(MockMvcRequestBuilders.get("/console/operations"), COORDINATOR, "en");

    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("not known right now (transport cannot be reached)")
        .contains("<span>12</span>").contains("&quot;values&quot;:[null,6,null]");
  }

  @Test
  void theOldestWaitIsShownInHerZoneAndTheServicesGetHerToken() throws Exception {
    Instant since = Instant.now().minus(47, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
    SERVICES.stubFor(get(urlEqualTo("/api/placements?limit=200&status=WAITLISTED")).willReturn(okJson("""
        [{"id":"plc-2","status":"WAITLISTED","createdAt":"%s"},{"id":"plc-1","status":"WAITLISTED","createdAt":"%s"}]"""
        .formatted(since.plusSeconds(600), since))));

    String html = page(MockMvcRequestBuilders.get("/console/operations"), COORDINATOR, "en").getContentAsString();

    assertThat(html).containsPattern(">4[78] min<").contains("datetime=\"" + since + "\"");
    SERVICES.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/statistics"))
        .withHeader("Authorization", equalTo("Bearer " + COORDINATOR)));
  }

  @Test
  void theAlertsToJudgeAreInTheInboxAndTheOthersAreNot() throws Exception {
    SERVICES.stubFor(get(urlPathEqualTo("/api/alerts")).willReturn(okJson("""
        [{"id":"keep-apart-plc-8-plc-2","type":"KEEP_APART_REVIEW","placementId":"plc-8","relatedPlacementId":"plc-2",
          "region":"north","raisedAt":"2026-12-07T12:00:00Z"},
         {"id":"churn-plc-9-1","type":"REQUEST_CHURN","placementId":"plc-9","raisedAt":"2026-12-07T11:00:00Z"},
         {"id":"missing-plc-4-1","type":"RESIDENT_MISSING","placementId":"plc-4","raisedAt":"2026-12-07T10:00:00Z"}]""")));

    String html = page(MockMvcRequestBuilders.get("/console/operations/escalations"), COORDINATOR, "fr").getContentAsString();

    assertUntranslatedNone(html);
    assertThat(html).contains("À examiner").contains("data-alert-type=\"KEEP_APART_REVIEW\"")
        .contains("data-alert-type=\"REQUEST_CHURN\"").doesNotContain("data-alert-type=\"RESIDENT_MISSING\"")
        .contains("Appelez les deux agences").doesNotContain("Rien ne vous attend.");
  }

  @Test
  void theInboxListsEachKindOfEscalationWithItsActions() throws Exception {
    SERVICES.stubFor(get(urlPathEqualTo("/api/escalations")).willReturn(okJson("""
        [{"id":"plc-3","status":"WAITLISTED","urgency":"CRITICAL","createdAt":"2026-12-07T10:00:00Z",
          "escalatedAt":"2026-12-07T10:30:00Z","transport":{"status":"NOT_ASSIGNED","policeEscortNeeded":false}}]""")));
    SERVICES.stubFor(get(urlEqualTo("/api/placements?limit=200&status=HELD")).willReturn(okJson("""
        [{"id":"plc-7","status":"HELD","shelter":{"codeName":"Heron","region":"north"},"holdExpiresAt":"2026-12-07T15:00:00Z",
          "transport":{"status":"FAILED","policeEscortNeeded":true}},
         {"id":"plc-5","status":"HELD","shelter":{"codeName":"Wren","region":"north"},
          "transport":{"status":"ASSIGNED","policeEscortNeeded":false}}]""")));
    SERVICES.stubFor(get(urlPathEqualTo("/api/shelters")).willReturn(okJson("""
        [{"id":"heron","codeName":"Heron","region":"north","status":"OPEN","capacityStale":true,
          "beds":{"available":1,"held":1,"occupied":2,"outOfService":0}},
         {"id":"kite","codeName":"Kite","region":"south","status":"COMPROMISED","capacityStale":false,
          "beds":{"available":0,"held":0,"occupied":0,"outOfService":0}}]""")));

    String html = page(MockMvcRequestBuilders.get("/console/operations/escalations"), COORDINATOR, "en").getContentAsString();

    assertThat(html).contains("Waiting since 11:00\u202fAM").contains("Escalated at 11:30\u202fAM").contains("Critical")
        .contains("/console/operations/escalations/placements/plc-3/cancel")
        .contains("No driver who fits is free.").contains("A minor")
        .contains("/console/operations/escalations/jobs/job-7/reoffer")
        .contains("Police bring her").contains("Bed held until 4:00\u202fPM").doesNotContain("Wren")
        .contains("/console/operations/escalations/shelters/heron/capacity-check")
        .contains("/console/operations/escalations/shelters/heron/close")
        .contains("Shelters compromised").contains("Kite");
    // Her job no driver took is re-offered from its own card and from hers (police bring her meanwhile).
    assertThat(count(html, "action=\"/console/operations/escalations/jobs/job-7/reoffer\"")).isEqualTo(2);

    String refreshed = page(MockMvcRequestBuilders.get("/console/operations/escalations/list")
        .header("HX-Request", "true"), COORDINATOR, "en").getContentAsString();
    assertThat(refreshed).startsWith("<div id=\"inbox\"").contains("Kite").doesNotContain("<html");
  }

  @Test
  void eachActionIsSentWithTheCoordinatorsOwnTokenAndSaysWhatItDid() throws Exception {
    SERVICES.stubFor(post(urlEqualTo("/api/transport/jobs/job-7/reoffer")).willReturn(okJson("""
        {"id":"job-7","placementId":"plc-7","kind":"PICKUP","status":"OFFERED","minor":true}""")));
    SERVICES.stubFor(post(urlEqualTo("/api/placements/plc-3/cancel")).willReturn(okJson("""
        {"id":"plc-3","status":"CANCELLED","transport":{"status":"NOT_ASSIGNED","policeEscortNeeded":false}}""")));
    SERVICES.stubFor(post(urlEqualTo("/api/shelters/heron/capacity-check")).willReturn(okJson("{\"id\":\"heron\"}")));
    SERVICES.stubFor(put(urlEqualTo("/api/shelters/heron/status")).willReturn(okJson("{\"id\":\"heron\"}")));

    MockHttpServletResponse reoffer = page(multipart("/console/operations/escalations/jobs/job-7/reoffer"), COORDINATOR, "en");
    MockHttpServletResponse cancel = page(multipart("/console/operations/escalations/placements/plc-3/cancel"), COORDINATOR, "en");
    page(multipart("/console/operations/escalations/shelters/heron/capacity-check"), COORDINATOR, "en");
    page(multipart("/console/operations/escalations/shelters/heron/close"), COORDINATOR, "en");

    assertThat(reoffer.getRedirectedUrl()).isEqualTo("/console/operations/escalations?done=OFFERED");
    assertThat(cancel.getRedirectedUrl()).isEqualTo("/console/operations/escalations?done=CANCELLED");
    String bearer = "Bearer " + COORDINATOR;
    SERVICES.verify(postRequestedFor(urlEqualTo("/api/transport/jobs/job-7/reoffer")).withHeader("Authorization", equalTo(bearer)));
    SERVICES.verify(postRequestedFor(urlEqualTo("/api/placements/plc-3/cancel")).withHeader("Authorization", equalTo(bearer)));
    SERVICES.verify(postRequestedFor(urlEqualTo("/api/shelters/heron/capacity-check")).withHeader("Authorization", equalTo(bearer)));
    SERVICES.verify(putRequestedFor(urlEqualTo("/api/shelters/heron/status")).withHeader("Authorization", equalTo(bearer))
        .withRequestBody(equalToJson("{\"status\":\"CLOSED\"}")));
    assertThat(page(MockMvcRequestBuilders.get("/console/operations/escalations").param("done", "OFFERED"), COORDINATOR, "fr")
        .getContentAsString()).contains("Le trajet est proposé à un chauffeur.");
    assertThat(page(MockMvcRequestBuilders.get("/console/operations/escalations").param("done", "<b>x</b>"), COORDINATOR, "en")
        .getContentAsString()).doesNotContain("<b>x</b>").doesNotContain("role=\"status\"");
  }

  @Test
  void aReofferTransportRefusesReadsInPlainWordsNeverAsItsAnswer() throws Exception {
    SERVICES.stubFor(post(urlEqualTo("/api/transport/jobs/job-7/reoffer")).willReturn(aResponse().withStatus(409)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"job is OFFERED\"}")));

    MockHttpServletResponse answer = page(multipart("/console/operations/escalations/jobs/job-7/reoffer"), COORDINATOR, "en");

    assertThat(answer.getStatus()).isEqualTo(409);
    assertThat(answer.getContentAsString()).contains("This has already changed in the meantime")
        .doesNotContain("job is OFFERED").doesNotContain("Conflict");
  }

  @Test
  void onlyCoordinatorsOpenTheseScreensAndOthersAreToldInPlainWords() throws Exception {
    for (String path : new String[] {"/console/operations", "/console/operations/escalations", "/console/operations/drivers"}) {
      MockHttpServletResponse answer = page(MockMvcRequestBuilders.get(path), POLICE, "en");
      assertThat(answer.getStatus()).isEqualTo(403);
      assertThat(answer.getContentAsString()).contains("Your role cannot do this.");
    }
    assertThat(page(MockMvcRequestBuilders.get("/console/police"), POLICE, "en").getContentAsString())
        .doesNotContain("href=\"/console/operations\"");
    SERVICES.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/statistics")));
  }

  @Test
  void theDriversBoardGroupsBusyFreeAndOffDutyWithWindowsInHerZoneAndNoBase() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/transport/drivers")).willReturn(okJson("""
        [{"id":"d1","accountSubject":"driver-busy","vetted":true,"gender":"FEMALE","languages":["fr","nl"],
          "canEscortMinors":true,"base":{"lat":50.12345,"lon":4.54321},"onDuty":true,"currentJobId":"job-1","retired":false},
         {"id":"d2","accountSubject":"driver-free","vetted":true,"gender":"MALE","languages":["en"],"canEscortMinors":false,
          "base":{"lat":50.1,"lon":4.5},"onDuty":true,"retired":false,
          "dutyWindows":[{"from":"2026-12-07T07:00:00Z","to":"2026-12-07T15:00:00Z"}]},
         {"id":"d3","accountSubject":"driver-home","vetted":false,"gender":"OTHER","languages":["fr"],"canEscortMinors":false,
          "base":{"lat":50.1,"lon":4.5},"onDuty":false,"retired":false},
         {"id":"d4","accountSubject":"driver-retired","vetted":true,"gender":"FEMALE","languages":["fr"],"canEscortMinors":false,
          "base":{"lat":50.1,"lon":4.5},"onDuty":true,"retired":true}]""")));

    String html = page(MockMvcRequestBuilders.get("/console/operations/drivers"), COORDINATOR, "en").getContentAsString();

    assertThat(html.indexOf("driver-busy")).isLessThan(html.indexOf("driver-free"));
    assertThat(html.indexOf("driver-free")).isLessThan(html.indexOf("driver-home"));
    assertThat(html).contains("FR · NL").contains("escorts minors").contains("not vetted")
        .contains("12/7/26, 8:00\u202fAM to 4:00\u202fPM").doesNotContain("driver-retired").doesNotContain("50.12345");
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
