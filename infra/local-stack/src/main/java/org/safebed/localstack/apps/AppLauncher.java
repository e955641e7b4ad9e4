package org.safebed.localstack.apps;

import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/** Starts one application of the stack in this JVM as its own, parent-less context. */
public final class AppLauncher {

  private AppLauncher() {}

  /**
   * Runs the application with {@code properties} as command-line arguments, the highest-ranking
   * property source, so they win over its configuration file and the environment.
   */
  public static ConfigurableApplicationContext launch(StackApp app, Map<String, String> properties) {
    String[] arguments = properties.entrySet().stream()
        .map(property -> "--" + property.getKey() + "=" + property.getValue())
        .toArray(String[]::new);
    SpringApplicationBuilder builder = new SpringApplicationBuilder(app.source())
        // Names the application in its start-up log lines; it would otherwise deduce none.
        .main(app.source())
        .web(app.webType())
        .bannerMode(Banner.Mode.OFF)
        // The stack closes all contexts in order from one hook; per-context hooks would race it.
        .registerShutdownHook(false);
    if (app.webType() == WebApplicationType.REACTIVE) {
      // Reactor Netty's global resources are one per JVM: a gateway closing (another stack in the
      // same test JVM) would dispose them under every other gateway, which then accepts nothing.
      builder.initializers(context -> ((GenericApplicationContext) context).registerBean(
          ReactorResourceFactory.class, AppLauncher::ownReactorResources));
    }
    return builder.run(arguments);
  }

  private static ReactorResourceFactory ownReactorResources() {
    ReactorResourceFactory resources = new ReactorResourceFactory();
    resources.setUseGlobalResources(false);
    return resources;
  }
}
