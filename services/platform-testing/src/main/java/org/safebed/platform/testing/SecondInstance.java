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

  public int port() {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  @Override
  public void close() {
    context.close();
  }
}
