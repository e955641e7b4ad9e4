package org.safebed.localstack.apps;

import java.util.List;
import org.springframework.boot.WebApplicationType;

/**
 * One SafeBed application as the local stack runs it.
 *
 * @param name a short name for logs and look-ups
 * @param source its {@code @SpringBootApplication} class
 * @param configName its configuration file ({@code <configName>.yml}), as its own {@code main} sets
 * @param webType servlet or reactive, never deduced: every web stack is on the shared classpath
 * @param excludedAutoConfigurations auto-configurations that are on the shared classpath only
 *     because another application needs them
 * @param mongoDatabase the database it owns, or {@code null}
 */
public record StackApp(
    String name,
    Class<?> source,
    String configName,
    WebApplicationType webType,
    List<String> excludedAutoConfigurations,
    String mongoDatabase) {

  public StackApp {
    excludedAutoConfigurations = List.copyOf(excludedAutoConfigurations);
  }

  public boolean usesMongoAndBroker() {
    return mongoDatabase != null;
  }
}
