package org.safebed.platform.testing;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another instance of a service next to a test's own, sharing what the test names of its
 * configuration (its database, broker namespace, ...) and trusting the test's tokens, but started
 * outside the test framework, which would otherwise give it the test's whole configuration (a
 * sealing key, say) or a database of its own. On a random port; closed with the test's try block.
 */
public final class SecondInstance implements AutoCloseable {

  /** What {@link SafeBedTestInfrastructure} gives the running instance: its database and broker namespace. */
  public static final List<String> INFRASTRUCTURE = List.of("spring.mongodb.uri", "spring.mongodb.database",
      "spring.rabbitmq.addresses", "safebed.messaging.namespace");

  private final ConfigurableApplicationContext context;

  private SecondInstance(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /**
   * @param shared the properties copied from the running instance
   * @param arguments its own command-line arguments ({@code --name=value})
   */
  public static SecondInstance nextTo(Environment running, Class<?> application, List<String> shared,
      List<String> arguments) {
    List<String> args = new ArrayList<>(arguments);
    args.add("--server.port=0");
    shared.forEach(name -> args.add("--" + name + "=" + running.getRequiredProperty(name)));
    TestTokens.trustProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
    return new SecondInstance(new SpringApplicationBuilder(application).run(args.toArray(String[]::new)));
  }

  /**
   * Another instance sealing with a key of its own (the instance that ran before a key rotation),
   * on the database and broker namespace of the running one.
   *
   * @param alsoShared properties copied beyond {@link #INFRASTRUCTURE} (the stubs the running
   *     instance calls, say)
   * @param arguments its own command-line arguments: its configuration name, its background rounds
   *     left to the running instance, which the test drives
   */
  public static SecondInstance sealingWith(Environment running, Class<?> application, String sealingKey,
      String keyId, List<String> alsoShared, List<String> arguments) {
    List<String> shared = new ArrayList<>(INFRASTRUCTURE);
    shared.addAll(alsoShared);
    List<String> args = new ArrayList<>(arguments);
    args.add("--safebed.sealing.key=" + sealingKey);
    args.add("--safebed.sealing.key-id=" + keyId);
    return nextTo(running, application, shared, args);
  }

  public int port() {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  @Override
  public void close() {
    context.close();
  }
}
