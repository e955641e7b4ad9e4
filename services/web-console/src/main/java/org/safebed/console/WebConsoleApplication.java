package org.safebed.console;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The people's console: server-rendered pages for police, drivers and shelter managers. It sits
 * behind the gateway, which signs people in and relays each person's access token; the console
 * validates that token like every service and calls the services' APIs with it, so it can do
 * nothing the person could not do herself.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebConsoleApplication {

  /** The name of this application's configuration file ({@code web-console.yml}). */
  public static final String CONFIG_NAME = "web-console";

  public static void main(String[] args) {
    new SpringApplicationBuilder(WebConsoleApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME)
        .run(args);
  }
}
