package org.safebed.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * What every page test of the console stands on: one WireMock playing all the services the console
 * calls (occupancy, transport, rental referral, the map's tiles), reset before each test, and the
 * console behind MockMvc as the gateway relays a person to it. One server and one set of
 * properties, so every page test class shares one Spring context.
 */
@SpringBootTest(properties = "spring.config.name=" + WebConsoleApplication.CONFIG_NAME)
@AutoConfigureMockMvc
public abstract class ConsolePageTest {

  protected static final WireMockServer SERVICES = start();
  /** Thymeleaf's mark for a message key that has no text in the page's language. */
  protected static final Pattern UNTRANSLATED = Pattern.compile("\\?\\?[^?<\"]+\\?\\?");
  /** The session's CSRF token as the gateway relays it. */
  protected static final String CSRF = "csrf-token-1";

  @Autowired
  protected MockMvc mvc;

  private static WireMockServer start() {
    Locale.setDefault(Locale.ROOT);
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add("safebed.security.token.issuer", () -> TestTokens.ISSUER);
    registry.add("safebed.security.token.public-key", TestTokens::publicKeyBase64);
    registry.add("safebed.security.token.jwk-set-uri", () -> "");
    registry.add("safebed.console.shelter-occupancy-url", SERVICES::baseUrl);
    registry.add("safebed.console.transport-url", SERVICES::baseUrl);
    registry.add("safebed.console.rental-referral-url", SERVICES::baseUrl);
    registry.add("safebed.console.map.tile-url", () -> SERVICES.baseUrl() + "/tiles/{z}/{x}/{y}.png");
  }

  @BeforeEach
  void resetServices() {
    SERVICES.resetAll();
  }

  /**
   * The page as the gateway relays her request: her token, the session's CSRF token and her
   * chosen language (none: the browser's Accept-Language decides).
   */
  protected MockHttpServletResponse page(AbstractMockHttpServletRequestBuilder<?> request, String token, String language)
      throws Exception {
    request.header("Authorization", "Bearer " + token).header("X-SafeBed-Csrf", CSRF);
    if (language != null) {
      request.header("X-SafeBed-Language", language);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  protected static void assertUntranslatedNone(String html) {
    Matcher untranslated = UNTRANSLATED.matcher(html);
    assertThat(untranslated.find()).as(untranslated.find(0) ? untranslated.group() : "").isFalse();
  }
}
