package org.safebed.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every bundle the console reads its words from says the same things in English, French and Dutch,
 * none of them empty, and every bundle on the classpath is one the console actually reads (a new
 * screen's words that nobody lists would show as ??keys?? in the browser).
 */
class MessageBundlesTest {

  private static final List<String> LANGUAGES = List.of("", "_fr", "_nl");

  @Test
  void eachBundleHasTheSameKeysInEveryLanguageAndNoneIsEmpty() throws IOException {
    for (String basename : basenames()) {
      Map<String, Properties> byLanguage = new TreeMap<>();
      for (String language : LANGUAGES) {
        byLanguage.put(language, load(basename + language + ".properties"));
      }
      TreeSet<String> english = keys(byLanguage.get(""));
      assertThat(english).as("%s has words", basename).isNotEmpty();
      for (String language : LANGUAGES) {
        Properties words = byLanguage.get(language);
        assertThat(keys(words)).as("keys of %s%s", basename, language).isEqualTo(english);
        assertThat(words.stringPropertyNames().stream().filter(key -> words.getProperty(key).isBlank()))
            .as("empty texts in %s%s", basename, language).isEmpty();
      }
    }
  }

  @Test
  void everyBundleOnTheClasspathIsRead() throws IOException {
    Resource[] found = new PathMatchingResourcePatternResolver()
        .getResources("classpath*:/**/*.properties");
    List<String> read = basenames();
    for (Resource resource : found) {
      String path = resource.getURL().getPath();
      String name = path.substring(path.lastIndexOf("/classes/") + "/classes/".length())
          .replaceAll("(_fr|_nl)?\\.properties$", "");
      if (path.contains("/web-console/target/classes/") && (name.startsWith("messages") || name.startsWith("i18n/"))) {
        assertThat(read).as("bundles the console reads").contains(name);
      }
    }
  }

  private static List<String> basenames() throws IOException {
    var environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("console", new ClassPathResource(WebConsoleApplication.CONFIG_NAME + ".yml"))
        .forEach(environment.getPropertySources()::addLast);
    String basenames = Binder.get(environment).bind("spring.messages.basename", String.class).get();
    return List.of(basenames.split("\\s*,\\s*"));
  }

  private static Properties load(String path) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }

  private static TreeSet<String> keys(Properties properties) {
    return properties.stringPropertyNames().stream().collect(Collectors.toCollection(TreeSet::new));
  }
}
