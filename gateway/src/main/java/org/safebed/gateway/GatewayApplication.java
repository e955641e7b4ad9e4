package org.safebed.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The single entry point of SafeBed: authenticates every API call, limits each user's rate and
 * routes to the owning service behind a circuit breaker.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

  /** Its configuration file is {@code gateway.yml} so it can share a JVM with the others. */
  public static final String CONFIG_NAME = "gateway";

  public static void main(String[] args) {
    new SpringApplicationBuilder(GatewayApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME)
        .run(args);
  }
}
