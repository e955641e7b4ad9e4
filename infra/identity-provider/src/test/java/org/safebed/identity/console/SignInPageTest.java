package org.safebed.identity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safebed.identity.IdentityProviderApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's sign-in page as a browser in France, Belgium or elsewhere gets it: in her
 * language, every text present, no inline script or style, labelled fields, and a failure that
 * reads the same whether or not the name exists.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + IdentityProviderApplication.CONFIG_NAME)
class SignInPageTest {

  private static final String CALLBACK = "http://localhost:8080/login/oauth2/code/safebed";
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern LABEL_FOR = Pattern.compile("<label for=\"([^\"]+)\"[^>]*>([^<]*)</label>");
  private static final Map<String, String> WRONG = Map.of(
      "fr", "Nom d&#39;utilisateur ou mot de passe incorrect.",
      "nl", "Verkeerde gebruikersnaam of wachtwoord.",
      "en", "Wrong user name or password.");

  /** Keeps the provider's session cookie, follows no redirect by itself. */
  private final HttpClient browser = HttpClient.newBuilder()
      .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  @LocalServerPort
  int port;

  @ParameterizedTest(name = "Accept-Language {0} gives {1}")
  @CsvSource({
      "'fr-FR,fr;q=0.9,en;q=0.5', fr, Se connecter à SafeBed, Mot de passe",
      "'nl-BE,nl;q=0.9,fr;q=0.8', nl, Aanmelden bij SafeBed, Wachtwoord",
      "'en-GB,en;q=0.9',          en, Sign in to SafeBed,     Password",
      "'fr-BE',                   fr, Se connecter à SafeBed, Mot de passe",
      // Neither French, Dutch nor English: French.
      "'de-DE,de;q=0.9',          fr, Se connecter à SafeBed, Mot de passe",
      "'',                        fr, Se connecter à SafeBed, Mot de passe"})
  void theSignInPageSpeaksHerLanguageInFull(String acceptLanguage, String language, String heading,
      String passwordLabel) throws Exception {
    HttpResponse<String> page = get("/login", acceptLanguage);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html")
        .containsIgnoringCase("charset=UTF-8");
    String html = page.body();
    assertThat(html).contains("<html lang=\"" + language + "\"")
        .contains("<h1>" + heading + "</h1>")
        .contains(">" + passwordLabel + "</label>")
        .contains(">SafeBed</p>");
    // No missing message (Thymeleaf writes ??key_xx?? for one) and no empty element left for one.
    assertThat(html).doesNotContain("??").doesNotContainPattern("<(title|h1|label[^>]*|button[^>]*|p[^>]*)></");
    assertThat(html).doesNotContain(WRONG.get(language));
    assertStrictPolicy(page);
    assertAccessibleForm(html);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"fr", "nl", "en"})
  void aWrongPasswordSaysSoPlainlyAndTellsNothingAboutTheName(String language) throws Exception {
    String wrongPassword = failedSignIn("police", "not-the-password", language);
    String noSuchPerson = failedSignIn("nobody-by-this-name", "not-the-password", language);

    assertThat(wrongPassword).contains("<html lang=\"" + language + "\"")
        .contains(WRONG.get(language))
        .contains("role=\"alert\"")
        .contains("aria-invalid=\"true\"")
        .doesNotContain("??")
        .doesNotContain("police");
    // The same page, whether the name exists or not (but for the CSRF token).
    assertThat(withoutCsrf(noSuchPerson)).isEqualTo(withoutCsrf(wrongPassword));
    assertAccessibleForm(wrongPassword);
  }

  @Test
  void afterSigningOutTheFormSaysSo() throws Exception {
    String html = get("/login?logout", "nl").body();

    assertThat(html).contains("U bent afgemeld.").doesNotContain("Verkeerde gebruikersnaam");
  }

  @Test
  void aFormLeftOpenUntilItsSessionEndedComesBackSayingSo() throws Exception {
    HttpResponse<String> posted = post("/login", "en",
        form(Map.of("username", "police", "password", "demo-password", "_csrf", "a-token-of-a-dead-session")));

    assertThat(posted.statusCode()).isEqualTo(302);
    URI location = posted.uri().resolve(posted.headers().firstValue("Location").orElseThrow());
    assertThat(location.getPath()).isEqualTo("/login");
    assertThat(location.getQuery()).isEqualTo("expired");
    assertThat(get("/login?expired", "en").body()).contains("Your session expired. Please sign in again.");
  }

  @Test
  void theStylesheetIsServedAndEverythingElseStaysShut() throws Exception {
    HttpResponse<String> css = get("/sign-in-assets/sign-in.css", "fr");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    assertThat(css.body()).contains("#5a2a82").contains("min-height: 44px").contains("system-ui");

    assertThat(get("/sign-in-assets/../identity-provider.yml", "fr").statusCode()).isNotEqualTo(200);
    assertThat(get("/identity-messages.properties", "fr").statusCode()).isNotEqualTo(200);
  }

  @Test
  void everyLanguageHasEveryText() throws IOException {
    Properties english = bundle("identity-messages.properties");
    for (String file : List.of("identity-messages_fr.properties", "identity-messages_nl.properties")) {
      Properties other = bundle(file);
      assertThat(other.stringPropertyNames()).as(file).isEqualTo(english.stringPropertyNames());
      other.forEach((key, value) -> assertThat((String) value).as(file + " " + key).isNotBlank());
    }
  }

  private static void assertStrictPolicy(HttpResponse<String> page) {
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("default-src 'none'", "style-src 'self'", "script-src 'none'",
            "frame-ancestors 'none'", "form-action 'self' http://localhost:8080")
        .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    String html = page.body();
    assertThat(html).doesNotContain("<script").doesNotContain("<style").doesNotContain(" style=")
        .doesNotContainPattern(" on[a-z]+=");
  }

  /** Labels bound to inputs; the fields the browser tests and password managers look for. */
  private static void assertAccessibleForm(String html) {
    List<String> labelled = new ArrayList<>();
    Matcher label = LABEL_FOR.matcher(html);
    while (label.find()) {
      assertThat(label.group(2)).as("text of the label for " + label.group(1)).isNotBlank();
      assertThat(html).as("input for label " + label.group(1)).containsPattern("<input[^>]* id=\"" + label.group(1) + "\"");
      labelled.add(label.group(1));
    }
    assertThat(labelled).containsExactly("username", "password");
    assertThat(html).containsPattern("<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\"")
        .containsPattern("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\"")
        .containsPattern("<button type=\"submit\"[^>]*>[^<]+</button>")
        .containsPattern("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    assertThat(CSRF_FIELD.matcher(html).results().count()).as("one CSRF field").isEqualTo(1);
  }

  /** Authorize, the form with a bad password, and the page the failure comes back to. */
  private String failedSignIn(String username, String password, String language) throws Exception {
    get(authorize(), language);
    HttpResponse<String> page = get("/login", language);
    Matcher csrf = CSRF_FIELD.matcher(page.body());
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> posted = post("/login", language,
        form(Map.of("username", username, "password", password, "_csrf", csrf.group(1))));
    assertThat(posted.statusCode()).isEqualTo(302);
    URI back = posted.uri().resolve(posted.headers().firstValue("Location").orElseThrow());
    assertThat(back.getPath()).isEqualTo("/login");
    assertThat(back.getQuery()).isEqualTo("error");
    HttpResponse<String> failed = get(back.getRawPath() + "?" + back.getRawQuery(), language);
    assertThat(failed.statusCode()).isEqualTo(200);
    assertStrictPolicy(failed);
    return failed.body();
  }

  private String authorize() {
    return UriComponentsBuilder.fromPath("/oauth2/authorize")
        .queryParam("response_type", "code")
        .queryParam("client_id", "safebed-console")
        .queryParam("scope", "openid")
        .queryParam("redirect_uri", CALLBACK)
        .queryParam("state", "s")
        .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        .queryParam("code_challenge_method", "S256")
        .encode().build().toUriString();
  }

  private static String withoutCsrf(String html) {
    return CSRF_FIELD.matcher(html).replaceAll("name=\"_csrf\" value=\"\"");
  }

  private HttpResponse<String> get(String pathAndQuery, String acceptLanguage) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(local(pathAndQuery)).header("Accept", "text/html");
    if (!acceptLanguage.isBlank()) {
      request.header("Accept-Language", acceptLanguage);
    }
    return browser.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String path, String acceptLanguage, String body) throws Exception {
    return browser.send(HttpRequest.newBuilder(local(path))
            .header("Accept-Language", acceptLanguage)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI local(String pathAndQuery) {
    return URI.create("http://localhost:" + port + pathAndQuery);
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = new ClassPathResource(name).getInputStream()) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
