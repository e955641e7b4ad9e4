package org.safebed.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The embedded OIDC provider of the local stack: client-credentials tokens for the demo accounts,
 * and the sign-in of the demo people to the web console. Never deployed; real environments use
 * Keycloak.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityProviderApplication {

  /** Its configuration file is {@code identity-provider.yml} so it can share a JVM with the others. */
  public static final String CONFIG_NAME = "identity-provider";

  public static void main(String[] args) {
    new SpringApplicationBuilder(IdentityProviderApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME)
        .run(args);
  }
}
