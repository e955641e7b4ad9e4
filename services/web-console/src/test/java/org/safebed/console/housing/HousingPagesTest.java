package org.safebed.console.housing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safebed.console.ConsolePageTest;
import org.safebed.platform.testing.TestTokens;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The housing officer's screens against WireMock playing the rental referral service: her queue
 * by step, a referral's units that fit and why, the offer and her answer, the move-in, her
 * agency's units; each call with her own token, each refusal in plain words.
 */
class HousingPagesTest extends ConsolePageTest {

  private static final String OFFICER = TestTokens.housingOfficer("officer-h", "agency-1");

  private static final String OPEN = """
      {"id":"ref-1","placementId":"plc-1","agencyId":"agency-1","status":"OPEN","priority":"HIGH",
       "needs":["WITH_CHILD","ACCESSIBLE"],"preferredRegions":["north"],"exclusionZoneCount":2,
       "keepApartRefCount":1,"steps":[
         {"status":"OPEN","enteredAt":"2026-12-01T09:00:00Z","leftAt":"2026-12-02T09:00:00Z","secondsInStep":86400,"cause":"CREATED"},
         {"status":"OFFERED","enteredAt":"2026-12-02T09:00:00Z","leftAt":"2026-12-03T09:00:00Z","secondsInStep":86400,"cause":"OFFERED"},
         {"status":"OPEN","enteredAt":"2026-12-03T09:00:00Z","secondsInStep":183600,"cause":"DECLINED_TOO_FAR"}],
       "declines":[{"unitId":"unit-9","reason":"TOO_FAR","at":"2026-12-03T09:00:00Z"}],
       "stalled":true,"createdAt":"2026-12-01T09:00:00Z","lastProgressAt":"2026-12-03T09:00:00Z"}""";

  @ParameterizedTest
  @ValueSource(strings = {"fr", "nl", "en"})
  void theQueueGroupsHerReferralsByStepWithTheTimeInStepInEachLanguage(String language) throws Exception {
    SERVICES.stubFor(get(urlPathEqualTo("/api/referrals")).willReturn(okJson("[" + OPEN + "," + offered("ref-2") + "]")));

    MockHttpServletResponse page = page(MockMvcRequestBuilders.get("/console/housing"), language);

    assertThat(page.getStatus()).isEqualTo(200);
    String html = page.getContentAsString();
    assertUntranslatedNone(html);
    assertThat(html).contains("/console/housing/referrals/ref-1").contains("/console/housing/referrals/ref-2");
    assertThat(html.indexOf("id=\"step-OPEN\"")).isLessThan(html.indexOf("ref-1\""));
    assertThat(html.indexOf("id=\"step-OFFERED\"")).isLessThan(html.indexOf("ref-2\"")).isGreaterThan(html.indexOf("ref-1\""));
    assertThat(html).contains("aria-current=\"page\"").contains("href=\"/console/housing/units\"");
    for (String step : new String[] {"OPEN", "OFFERED", "ACCEPTED", "MOVED_IN", "CLOSED"}) {
      SERVICES.verify(getRequestedFor(urlPathEqualTo("/api/referrals")).withQueryParam("status", equalTo(step))
          .withHeader("Authorization", equalTo("Bearer " + OFFICER)));
    }
  }

  @Test
  void theQueueSaysHowLongInStepInFrench() throws Exception {
    SERVICES.stubFor(get(urlPathEqualTo("/api/referrals")).willReturn(okJson("[" + OPEN + "]")));

    String html = page(MockMvcRequestBuilders.get("/console/housing"), "fr").getContentAsString();

    assertThat(html).contains("Recherche d&#39;un logement").contains("à cette étape depuis 2 j 3 h")
        .contains("Priorité haute").contains("Sans avancée récente").doesNotContain("OPEN<");
  }

  @Test
  void theReferralShowsTheUnitsThatFitAndWhyTheOthersDoNotWithoutAnyProtectedPlace() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/referrals/ref-1")).willReturn(okJson(OPEN)));
    SERVICES.stubFor(get(urlPathEqualTo("/api/referrals/ref-1/matches")).willReturn(okJson("""
        [{"rank":1,"unitId":"unit-1","region":"north","bedrooms":2,"monthlyRent":650,"accessible":true,
          "availableFrom":"2026-12-10","suitableFor":["WITH_CHILD"],"inPreferredRegion":true}]""")));
    SERVICES.stubFor(get(urlPathEqualTo("/api/rental-units")).willReturn(okJson("""
        [%s,%s,%s,%s]""".formatted(unit("unit-1", "AVAILABLE", true, "WITH_CHILD"),
        unit("unit-2", "AVAILABLE", false, "YOUNG_ADULT"), unit("unit-3", "AVAILABLE", true, "WITH_CHILD"),
        unit("unit-4", "WITHDRAWN", true, "WITH_CHILD")))));

    String html = page(MockMvcRequestBuilders.get("/console/housing/referrals/ref-1"), "en").getContentAsString();

    assertUntranslatedNone(html);
    assertThat(html).contains("1. Unit unit-1").contains("In a region she prefers.").contains("Suits a household with a child.")
        .contains("Step-free, as she needs.").contains("Away from every area she must avoid")
        .contains("Offer unit unit-1").contains("650 € a month");
    String others = html.substring(html.indexOf("id=\"not-proposed\""));
    assertThat(others).contains("data-unit=\"unit-2\"").contains("Not suited to a household with a child.")
        .contains("Not step-free, and she needs it.")
        .contains("data-unit=\"unit-3\"").contains("SafeBed does not say which")
        .doesNotContain("data-unit=\"unit-4\"").doesNotContain("data-unit=\"unit-1\"");
    assertThat(html).contains("areas to avoid: 2 · people to keep away from: 1")
        .contains("she declined: too far").contains("Unit unit-9: It is too far");
    SERVICES.verify(getRequestedFor(urlPathEqualTo("/api/referrals/ref-1/matches"))
        .withHeader("Authorization", equalTo("Bearer " + OFFICER)));
    SERVICES.verify(getRequestedFor(urlPathEqualTo("/api/rental-units"))
        .withHeader("Authorization", equalTo("Bearer " + OFFICER)));
  }

  @Test
  void anOfferReservesTheUnitAsHerAndAnUnfitUnitIsExplained() throws Exception {
    SERVICES.stubFor(post(urlEqualTo("/api/referrals/ref-1/offers")).willReturn(okJson(offered("ref-1"))));

    MockHttpServletResponse answer = page(multipart("/console/housing/referrals/ref-1/offer").param("unitId", "unit-1"), "fr");

    assertThat(answer.getRedirectedUrl()).isEqualTo("/console/housing/referrals/ref-1");
    SERVICES.verify(postRequestedFor(urlEqualTo("/api/referrals/ref-1/offers"))
        .withHeader("Authorization", equalTo("Bearer " + OFFICER))
        .withRequestBody(equalToJson("{\"unitId\":\"unit-1\"}")));

    SERVICES.stubFor(post(urlEqualTo("/api/referrals/ref-1/offers")).willReturn(problem(422)));
    MockHttpServletResponse unfit = page(multipart("/console/housing/referrals/ref-1/offer").param("unitId", "unit-3"), "fr");
    assertThat(unfit.getRedirectedUrl()).isEqualTo("/console/housing/referrals/ref-1?problem=offer-unfit");

    SERVICES.stubFor(get(urlEqualTo("/api/referrals/ref-1")).willReturn(okJson(offered("ref-1"))));
    String page = page(MockMvcRequestBuilders.get("/console/housing/referrals/ref-1?problem=offer-unfit"), "fr")
        .getContentAsString();
    assertThat(page).contains("Ce logement ne peut pas lui être proposé").doesNotContain("detail from the service");
  }

  @Test
  void anOfferShowsWhenItEndsAndHerAnswers() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/referrals/ref-2")).willReturn(okJson(offered("ref-2"))));

    String html = page(MockMvcRequestBuilders.get("/console/housing/referrals/ref-2"), "en").getContentAsString();

    assertUntranslatedNone(html);
    assertThat(html).contains("id=\"offered-unit\">unit-1<").containsPattern("id=\"offer-left\">(1 d 23 h|2 d 0 h) left<")
        .contains("id=\"accept\"").contains("value=\"UNSAFE_AREA\"").contains("She does not feel safe in the area")
        .doesNotContain("id=\"move-in\"");
  }

  @Test
  void acceptAndDeclineSendHerAnswerWithTheCodedReasonAndAnOfferGoneIsSaidPlainly() throws Exception {
    SERVICES.stubFor(post(urlEqualTo("/api/referrals/ref-2/accept")).willReturn(okJson(offered("ref-2"))));
    SERVICES.stubFor(post(urlEqualTo("/api/referrals/ref-2/decline")).willReturn(okJson(OPEN)));

    assertThat(page(multipart("/console/housing/referrals/ref-2/accept"), "en").getRedirectedUrl())
        .isEqualTo("/console/housing/referrals/ref-2");
    assertThat(page(multipart("/console/housing/referrals/ref-2/decline").param("reason", "TOO_EXPENSIVE"), "en")
        .getRedirectedUrl()).isEqualTo("/console/housing/referrals/ref-2");
    SERVICES.verify(postRequestedFor(urlEqualTo("/api/referrals/ref-2/accept"))
        .withHeader("Authorization", equalTo("Bearer " + OFFICER)));
    SERVICES.verify(postRequestedFor(urlEqualTo("/api/referrals/ref-2/decline"))
        .withHeader("Authorization", equalTo("Bearer " + OFFICER))
        .withRequestBody(equalToJson("{\"reason\":\"TOO_EXPENSIVE\"}")));

    assertThat(page(multipart("/console/housing/referrals/ref-2/decline").param("reason", "BECAUSE"), "en").getStatus())
        .isEqualTo(400);
    SERVICES.verify(1, postRequestedFor(urlEqualTo("/api/referrals/ref-2/decline")));

    SERVICES.stubFor(post(urlEqualTo("/api/referrals/ref-2/accept")).willReturn(problem(409)));
    assertThat(page(multipart("/console/housing/referrals/ref-2/accept"), "en").getRedirectedUrl())
        .isEqualTo("/console/housing/referrals/ref-2?problem=offer-gone");
  }

  @Test
  void theMoveInIsRecordedForTheDayShePicks() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/referrals/ref-3")).willReturn(okJson(accepted("ref-3"))));
    SERVICES.stubFor(post(urlEqualTo("/api/referrals/ref-3/move-in")).willReturn(okJson(accepted("ref-3"))));

    String html = page(MockMvcRequestBuilders.get("/console/housing/referrals/ref-3"), "nl").getContentAsString();
    assertUntranslatedNone(html);
    assertThat(html).contains("id=\"move-in\"").contains("boekt de verhuis bij een chauffeur").doesNotContain("id=\"accept\"");

    MockHttpServletResponse answer = page(multipart("/console/housing/referrals/ref-3/move-in")
        .param("moveInDate", "2026-12-20"), "nl");

    assertThat(answer.getRedirectedUrl()).isEqualTo("/console/housing/referrals/ref-3");
    SERVICES.verify(postRequestedFor(urlEqualTo("/api/referrals/ref-3/move-in"))
        .withHeader("Authorization", equalTo("Bearer " + OFFICER))
        .withRequestBody(equalToJson("{\"moveInDate\":\"2026-12-20\"}")));
  }

  @Test
  void anOfferInItsLastHourCountsDownOnThePageAndAMoveInSaysTheMoveIsBooked() throws Exception {
    Instant soon = Instant.now().plus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    String ending = offered("ref-4").replaceFirst("\"expiresAt\":\"[^\"]+\"", "\"expiresAt\":\"" + soon + "\"");
    SERVICES.stubFor(get(urlEqualTo("/api/referrals/ref-4")).willReturn(okJson(ending)));
    SERVICES.stubFor(get(urlEqualTo("/api/referrals/ref-5")).willReturn(okJson(
        accepted("ref-5").replace("\"status\":\"ACCEPTED\",\"priority\"", "\"status\":\"MOVED_IN\",\"priority\""))));

    assertThat(page(MockMvcRequestBuilders.get("/console/housing/referrals/ref-4"), "en").getContentAsString())
        .contains("data-countdown data-until=\"" + soon + "\"");
    assertThat(page(MockMvcRequestBuilders.get("/console/housing/referrals/ref-5"), "fr").getContentAsString())
        .contains("id=\"move-booked\"").contains("son déménagement est réservé avec un chauffeur")
        .doesNotContain("id=\"decline\"").doesNotContain("id=\"move-in\"");
  }

  @Test
  void herUnitsAreListedWithWithdrawOnlyWhereTheServiceWouldAllowIt() throws Exception {
    SERVICES.stubFor(get(urlPathEqualTo("/api/rental-units")).willReturn(okJson("[%s,%s]".formatted(
        unit("unit-1", "AVAILABLE", true, "WITH_CHILD"), unit("unit-2", "LET", false, "YOUNG_ADULT")))));

    String html = page(MockMvcRequestBuilders.get("/console/housing/units"), "fr").getContentAsString();

    assertUntranslatedNone(html);
    assertThat(html).contains("/console/housing/units/unit-1/withdraw").doesNotContain("/console/housing/units/unit-2/withdraw")
        .contains("/console/housing/units/unit-1/edit").doesNotContain("/console/housing/units/unit-2/edit")
        .contains("un foyer avec enfant").contains("Loué");
  }

  @Test
  void aUnitIsAddedWithItsSealedAddressAndAnIncompleteFormIsNotSent() throws Exception {
    SERVICES.stubFor(post(urlEqualTo("/api/rental-units")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(unit("unit-7", "AVAILABLE", true, "WITH_CHILD"))));

    MockHttpServletResponse incomplete = page(multipart("/console/housing/units").param("region", "north")
        .param("lat", "fifty"), "en");
    assertThat(incomplete.getStatus()).isEqualTo(200);
    assertThat(incomplete.getContentAsString()).contains("Enter the address (5 to 300 characters).")
        .contains("This is not a valid position.").contains("Choose at least one household it suits.");
    SERVICES.verify(0, postRequestedFor(anyUrl()));

    MockHttpServletResponse added = page(multipart("/console/housing/units").param("region", "north")
        .param("lat", "50.63").param("lon", "3.06").param("address", "12 Rue Inventée, Lille")
        .param("bedrooms", "2").param("monthlyRent", "650").param("accessible", "true")
        .param("availableFrom", "2026-12-10").param("suitableFor", "WITH_CHILD", "YOUNG_ADULT"), "en");

    assertThat(added.getRedirectedUrl()).isEqualTo("/console/housing/units?added=unit-7");
    SERVICES.verify(postRequestedFor(urlEqualTo("/api/rental-units"))
        .withHeader("Authorization", equalTo("Bearer " + OFFICER))
        .withRequestBody(equalToJson("""
            {"region":"north","location":{"lat":50.63,"lon":3.06},"address":"12 Rue Inventée, Lille",
             "bedrooms":2,"monthlyRent":650,"accessible":true,"availableFrom":"2026-12-10",
             "suitableFor":["WITH_CHILD","YOUNG_ADULT"]}""")));
  }

  @Test
  void aUnitsDescriptionIsChangedWithoutItsAddressAndAUnitInUseIsSaidPlainly() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/rental-units/unit-1")).willReturn(okJson(unit("unit-1", "AVAILABLE", true, "WITH_CHILD"))));
    SERVICES.stubFor(put(urlEqualTo("/api/rental-units/unit-1")).willReturn(okJson(unit("unit-1", "AVAILABLE", true, "WITH_CHILD"))));

    String form = page(MockMvcRequestBuilders.get("/console/housing/units/unit-1/edit"), "nl").getContentAsString();
    assertUntranslatedNone(form);
    assertThat(form).contains("Woning unit-1 wijzigen").contains("value=\"650\"").contains("action=\"/console/housing/units/unit-1/edit\"")
        .doesNotContain("id=\"address\"").doesNotContain("id=\"lat\"");

    MockHttpServletResponse changed = page(multipart("/console/housing/units/unit-1/edit").param("region", "north")
        .param("bedrooms", "3").param("monthlyRent", "700").param("availableFrom", "2026-12-15")
        .param("suitableFor", "WITH_CHILD"), "nl");

    assertThat(changed.getRedirectedUrl()).isEqualTo("/console/housing/units?changed=unit-1");
    SERVICES.verify(putRequestedFor(urlEqualTo("/api/rental-units/unit-1"))
        .withHeader("Authorization", equalTo("Bearer " + OFFICER))
        .withRequestBody(equalToJson("""
            {"region":"north","bedrooms":3,"monthlyRent":700,"accessible":false,"availableFrom":"2026-12-15",
             "suitableFor":["WITH_CHILD"]}""")));

    SERVICES.stubFor(put(urlEqualTo("/api/rental-units/unit-1")).willReturn(problem(409)));
    assertThat(page(multipart("/console/housing/units/unit-1/edit").param("region", "north")
        .param("bedrooms", "3").param("monthlyRent", "700").param("availableFrom", "2026-12-15")
        .param("suitableFor", "WITH_CHILD"), "nl").getRedirectedUrl())
        .isEqualTo("/console/housing/units?problem=unit-in-use-change");
    assertThat(page(multipart("/console/housing/units/unit-1/edit").param("region", "north"), "nl").getContentAsString())
        .contains("Kies minstens één soort gezin.");
    SERVICES.verify(2, putRequestedFor(urlEqualTo("/api/rental-units/unit-1")));
  }

  @Test
  void withdrawingAsksFirstAndAUnitInUseIsSaidPlainly() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/rental-units/unit-1")).willReturn(okJson(unit("unit-1", "AVAILABLE", true, "WITH_CHILD"))));
    SERVICES.stubFor(post(urlEqualTo("/api/rental-units/unit-1/withdraw")).willReturn(okJson(unit("unit-1", "WITHDRAWN", true, "WITH_CHILD"))));

    String confirm = page(MockMvcRequestBuilders.get("/console/housing/units/unit-1/withdraw"), "fr").getContentAsString();
    assertThat(confirm).contains("Retirer ce logement ?").contains("id=\"confirm-withdraw\"");
    SERVICES.verify(0, postRequestedFor(anyUrl()));

    assertThat(page(multipart("/console/housing/units/unit-1/withdraw"), "fr").getRedirectedUrl())
        .isEqualTo("/console/housing/units");
    SERVICES.verify(postRequestedFor(urlEqualTo("/api/rental-units/unit-1/withdraw"))
        .withHeader("Authorization", equalTo("Bearer " + OFFICER)));

    SERVICES.stubFor(post(urlEqualTo("/api/rental-units/unit-1/withdraw")).willReturn(problem(409)));
    assertThat(page(multipart("/console/housing/units/unit-1/withdraw"), "fr").getRedirectedUrl())
        .isEqualTo("/console/housing/units?problem=unit-in-use");
    SERVICES.stubFor(get(urlPathEqualTo("/api/rental-units")).willReturn(okJson("[]")));
    assertThat(page(MockMvcRequestBuilders.get("/console/housing/units?problem=unit-in-use"), "fr").getContentAsString())
        .contains("Ce logement est proposé à quelqu&#39;un ou loué : il ne peut pas être retiré maintenant.");
  }

  @Test
  void anotherAgencysReferralIsNotFoundInPlainWordsAndOtherRolesAreRefused() throws Exception {
    SERVICES.stubFor(get(urlEqualTo("/api/referrals/ref-x")).willReturn(problem(404)));

    MockHttpServletResponse missing = page(MockMvcRequestBuilders.get("/console/housing/referrals/ref-x"), "en");
    assertThat(missing.getStatus()).isEqualTo(404);
    assertThat(missing.getContentAsString()).contains("This does not exist, or it is not yours to see.")
        .doesNotContain("detail from the service");

    MockHttpServletResponse police = mvc.perform(MockMvcRequestBuilders.get("/console/housing")
        .header("Authorization", "Bearer " + TestTokens.police("officer-1"))).andReturn().getResponse();
    assertThat(police.getStatus()).isEqualTo(403);
  }

  @Test
  void theServiceDownIsSaidPlainly() throws Exception {
    SERVICES.stubFor(get(urlPathEqualTo("/api/referrals")).willReturn(aResponse().withStatus(503)));

    MockHttpServletResponse page = page(MockMvcRequestBuilders.get("/console/housing"), "en");

    assertThat(page.getStatus()).isEqualTo(503);
    assertThat(page.getContentAsString()).contains("SafeBed cannot be reached right now. Nothing was changed.");
  }

  private MockHttpServletResponse page(AbstractMockHttpServletRequestBuilder<?> request, String language) throws Exception {
    request.header("Authorization", "Bearer " + OFFICER).header("X-SafeBed-Csrf", "csrf-token-1")
        .header("X-SafeBed-Language", language);
    return mvc.perform(request).andReturn().getResponse();
  }

  private static String offered(String id) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return """
        {"id":"%s","placementId":"plc-2","agencyId":"agency-1","status":"OFFERED","priority":"NORMAL",
         "needs":[],"preferredRegions":[],"exclusionZoneCount":0,"keepApartRefCount":0,
         "offer":{"unitId":"unit-1","region":"north","offeredAt":"%s","expiresAt":"%s"},
         "steps":[{"status":"OPEN","enteredAt":"%s","leftAt":"%s","secondsInStep":3600,"cause":"CREATED"},
                  {"status":"OFFERED","enteredAt":"%s","secondsInStep":120,"cause":"OFFERED"}],
         "declines":[],"stalled":false,"createdAt":"%s","lastProgressAt":"%s"}"""
        .formatted(id, now, now.plus(2, ChronoUnit.DAYS), now.minusSeconds(3600), now, now, now, now);
  }

  private static String accepted(String id) {
    return offered(id).replace("\"status\":\"OFFERED\",\"priority\"", "\"status\":\"ACCEPTED\",\"priority\"");
  }

  private static String unit(String id, String status, boolean accessible, String suits) {
    return """
        {"id":"%s","agencyId":"agency-1","region":"north","bedrooms":2,"monthlyRent":650,"accessible":%s,
         "availableFrom":"2026-12-10","suitableFor":["%s"],"status":"%s"}""".formatted(id, accessible, suits, status);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
        .withBody("{\"type\":\"about:blank\",\"title\":\"x\",\"status\":" + status + ",\"detail\":\"detail from the service\"}");
  }
}
