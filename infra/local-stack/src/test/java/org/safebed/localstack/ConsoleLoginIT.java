package org.safebed.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.localstack.journey.RunningStack;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person signs in to the web console of the running stack, as a browser would (cookies,
 * redirects, the sign-in form) but without one: authorization code with PKCE through the gateway,
 * which keeps the tokens, so the browser only ever holds a session cookie.
 */
class ConsoleLoginIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Three base64url parts starting with a JSON header: what any JWT looks like. */
  private static final Pattern JWT_SHAPED = Pattern.compile("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]*");
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final String SESSION = "SAFEBED_SESSION";
  private static final Set<String> DEMO_SHELTERS = Set.of(
      "shelter-north-1", "shelter-north-2", "shelter-north-3", "shelter-central-1",
      "shelter-central-2", "shelter-central-3", "shelter-south-1", "shelter-south-2");

  private static LocalStack stack;

  private final Browser browser = new Browser();

  @BeforeAll
  static void startStack() {
    stack = RunningStack.get();
  }

  @AfterEach
  void theBrowserNeverSawAToken() {
    for (Browser.Seen seen : browser.everything()) {
      assertThat(JWT_SHAPED.matcher(seen.text()).find())
          .as("a JWT-shaped string in what %s answered", seen.uri()).isFalse();
    }
  }

  @Test
  void aShelterManagerSignsInSeesHerSheltersAndSignsOut() throws Exception {
    URI authorize = browser.followWithinGateway(gateway("/console/"));
    assertThat(authorize.toString()).startsWith(stack.identityProviderUrl() + "/oauth2/authorize?");
    Map<String, String> request = query(authorize);
    assertThat(request).containsEntry("client_id", "safebed-console")
        .containsEntry("response_type", "code")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("prompt", "login")
        .containsEntry("redirect_uri", stack.gatewayUrl() + "/login/oauth2/code/safebed")
        .containsKeys("code_challenge", "state", "nonce");

    HttpResponse<String> start = signIn(authorize, "shelter-manager", "demo-password");
    assertThat(start.statusCode()).as("the console sends her to her role's screen").isEqualTo(302);
    assertThat(start.headers().firstValue("Location")).hasValue("/console/arrivals");
    HttpResponse<String> console = browser.get(gateway("/console/arrivals"));
    assertThat(console.statusCode()).isEqualTo(200);
    assertThat(console.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/html"));
    assertThat(console.body()).contains("console.js").contains("id=\"shelters\"");

    HttpCookie session = browser.cookie(SESSION);
    assertThat(session.isHttpOnly()).isTrue();
    String setCookie = browser.lastSetCookie(SESSION);
    assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    // The local stack runs on plain HTTP: its cookie cannot be Secure (everywhere else it is).
    assertThat(setCookie).doesNotContainIgnoringCase("Secure");

    JsonNode me = JSON.readTree(browser.get(gateway("/console/me")).body());
    assertThat(me.path("subject").asString()).isEqualTo("shelter-manager");
    assertThat(me.path("roles").toString()).isEqualTo("[\"SHELTER_MANAGER\"]");

    HttpResponse<String> shelters = browser.get(gateway("/api/shelters"));
    assertThat(shelters.statusCode()).as(shelters.body()).isEqualTo(200);
    Set<String> ids = new TreeSet<>();
    JSON.readTree(shelters.body()).forEach(shelter -> ids.add(shelter.path("id").asString()));
    assertThat(ids).isEqualTo(DEMO_SHELTERS);

    String confirm = "/api/shelters/shelter-south-2/capacity-check";
    HttpResponse<String> withoutCsrf = browser.post(gateway(confirm), Map.of(), null);
    assertThat(withoutCsrf.statusCode()).isEqualTo(403);
    assertThat(withoutCsrf.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode csrf = JSON.readTree(browser.get(gateway("/console/csrf")).body());
    HttpResponse<String> withCsrf = browser.post(gateway(confirm),
        Map.of(csrf.path("headerName").asString(), csrf.path("token").asString()), null);
    assertThat(withCsrf.statusCode()).as(withCsrf.body()).isEqualTo(200);
    assertThat(JSON.readTree(withCsrf.body()).path("id").asString()).isEqualTo("shelter-south-2");

    String sessionBeforeSignOut = browser.cookie(SESSION).getValue();
    JsonNode signOutCsrf = JSON.readTree(browser.get(gateway("/console/csrf")).body());
    HttpResponse<String> signedOut = browser.post(gateway("/logout"), Map.of(),
        form(Map.of(signOutCsrf.path("parameterName").asString(), signOutCsrf.path("token").asString())));
    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(browser.location(signedOut).getPath()).isEqualTo("/console/signed-out");

    // Even with the old cookie put back by hand, the session is gone on the gateway.
    HttpResponse<String> afterSignOut = browser.getWithCookie(gateway("/api/shelters"),
        SESSION + "=" + sessionBeforeSignOut);
    assertThat(afterSignOut.statusCode()).isEqualTo(401);
    assertThat(afterSignOut.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(afterSignOut.headers().firstValue("Location")).isEmpty();

    // The next person at this desk must type a password: no silent sign-in as the previous one.
    URI again = browser.followWithinGateway(gateway("/console/"));
    HttpResponse<String> atProvider = browser.get(again);
    assertThat(atProvider.statusCode()).isEqualTo(302);
    assertThat(browser.location(atProvider).getPath()).isEqualTo("/login");
  }

  @Test
  void aPoliceOfficersSessionIsAuthorisedByTheServicesLikeHerToken() throws Exception {
    signIn(browser.followWithinGateway(gateway("/console/")), "police", "demo-password");

    assertThat(browser.get(gateway("/api/shelters")).statusCode()).isEqualTo(403);
    HttpResponse<String> alerts = browser.get(gateway("/api/alerts"));
    assertThat(alerts.statusCode()).as(alerts.body()).isEqualTo(200);
  }

  @Test
  void withoutASessionTheApiAnswers401AndTheConsoleSendsToSignIn() throws Exception {
    HttpResponse<String> api = browser.get(gateway("/api/shelters"));
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(api.headers().firstValue("Location")).isEmpty();

    HttpResponse<String> page = browser.get(gateway("/console/"));
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(browser.location(page).getPath()).isEqualTo("/oauth2/authorization/safebed");
  }

  /** From the provider's authorize URL: the sign-in form, back to the gateway, to the console. */
  private HttpResponse<String> signIn(URI authorize, String username, String password) throws Exception {
    HttpResponse<String> toForm = browser.get(authorize);
    assertThat(toForm.statusCode()).isEqualTo(302);
    URI formUri = browser.location(toForm);
    HttpResponse<String> form = browser.get(formUri);
    assertThat(form.statusCode()).isEqualTo(200);
    Matcher csrf = CSRF_FIELD.matcher(form.body());
    assertThat(csrf.find()).as("the sign-in form's CSRF field").isTrue();

    HttpResponse<String> submitted = browser.post(formUri, Map.of(),
        form(Map.of("username", username, "password", password, "_csrf", csrf.group(1))));
    assertThat(submitted.statusCode()).isEqualTo(302);
    HttpResponse<String> codeIssued = browser.get(browser.location(submitted));
    assertThat(codeIssued.statusCode()).isEqualTo(302);
    URI callback = browser.location(codeIssued);
    assertThat(callback.toString()).startsWith(stack.gatewayUrl() + "/login/oauth2/code/safebed?");
    assertThat(query(callback)).containsKeys("code", "state");

    HttpResponse<String> signedIn = browser.get(callback);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    assertThat(browser.location(signedIn).getPath()).isEqualTo("/console/");
    return browser.get(browser.location(signedIn));
  }

  private static URI gateway(String path) {
    return URI.create(stack.gatewayUrl() + path);
  }

  private static Map<String, String> query(URI uri) {
    return UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap().entrySet()
        .stream().collect(Collectors.toMap(Map.Entry::getKey,
            entry -> URLDecoder.decode(entry.getValue(), StandardCharsets.UTF_8)));
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** Cookies and redirects by hand, and a record of every answer it was given. */
  private static final class Browser {

    record Seen(URI uri, String text) {}

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    private final List<Seen> seen = new ArrayList<>();
    private final Map<String, String> lastSetCookie = new LinkedHashMap<>();

    HttpResponse<String> get(URI uri) throws Exception {
      return send(HttpRequest.newBuilder(uri).header("Accept", "text/html,application/json").GET());
    }

    HttpResponse<String> getWithCookie(URI uri, String cookie) throws Exception {
      HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
          .build().send(HttpRequest.newBuilder(uri).header("Cookie", cookie).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      remember(response);
      return response;
    }

    HttpResponse<String> post(URI uri, Map<String, String> headers, String form) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri);
      headers.forEach(request::header);
      if (form != null) {
        request.header("Content-Type", "application/x-www-form-urlencoded");
      }
      return send(request.POST(form == null
          ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Follows the gateway's own redirects and returns the first one that leaves it. */
    URI followWithinGateway(URI start) throws Exception {
      URI next = start;
      for (int hop = 0; hop < 5; hop++) {
        HttpResponse<String> response = get(next);
        assertThat(response.statusCode()).as("GET %s", next).isEqualTo(302);
        next = location(response);
        if (!next.toString().startsWith(stack.gatewayUrl())) {
          return next;
        }
      }
      throw new AssertionError("no redirect away from the gateway");
    }

    URI location(HttpResponse<?> response) {
      return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    HttpCookie cookie(String name) {
      return cookies.getCookieStore().getCookies().stream()
          .filter(cookie -> cookie.getName().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    String lastSetCookie(String name) {
      return lastSetCookie.get(name);
    }

    List<Seen> everything() {
      return seen;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
      remember(response);
      return response;
    }

    private void remember(HttpResponse<String> response) {
      seen.add(new Seen(response.uri(), response.headers().map() + "\n" + response.body()));
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        lastSetCookie.put(setCookie.substring(0, setCookie.indexOf('=')), setCookie);
      }
    }
  }
}
