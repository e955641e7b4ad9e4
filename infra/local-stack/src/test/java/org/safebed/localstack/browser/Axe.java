package org.safebed.localstack.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core run inside the page the browser shows, against WCAG 2.x A and AA (2.2 included). The
 * script comes from the npm package that the build fetched and checked (see this module's pom).
 */
public final class Axe {

  private static final String SCRIPT = load();

  private Axe() {}

  /** The serious and critical violations on the page: rule, impact and how many elements. */
  @SuppressWarnings("unchecked")
  public static List<String> seriousViolations(WebDriver page) {
    JavascriptExecutor js = (JavascriptExecutor) page;
    js.executeScript(SCRIPT);
    Object found = js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
          .then(result => done(result.violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => v.id + ' (' + v.impact + ', ' + v.nodes.length + '): '
                  + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
          .catch(error => done(['axe failed: ' + error]));
        """);
    return (List<String>) found;
  }

  private static String load() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe/axe.min.js is missing: the build fetches it (mvn generate-test-resources)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
