package org.safebed.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole of SafeBed on this machine: {@code ./mvnw -q -pl infra/local-stack -am
 * -DskipTests spring-boot:run}. Environment: {@code SAFEBED_DATA_DIR} (default
 * {@code ./.safebed-data}), {@code SAFEBED_MONGODB_URI} and {@code SAFEBED_RABBITMQ_URI} (use these
 * instead of the embedded ones), {@code SAFEBED_SEALING_KEY}.
 */
public final class LocalStackApplication {

  private static final Logger log = LoggerFactory.getLogger(LocalStackApplication.class);

  private LocalStackApplication() {}

  public static void main(String[] args) {
    LocalStack stack;
    try {
      stack = LocalStack.start(LocalStack.Options.fromEnvironment(System.getenv()));
    } catch (RuntimeException e) {
      log.error("SafeBed did not start", e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(
        Thread.ofPlatform().name("local-stack-shutdown").unstarted(stack::close));
    log.info("SafeBed is ready: gateway {}, identity provider {}",
        stack.gatewayUrl(), stack.identityProviderUrl());
    log.info("Get a token: curl -s -u demo-police:demo-secret -d grant_type=client_credentials {}"
        + "  (other accounts: demo-coordinator, demo-shelter-manager, demo-housing-officer,"
        + " demo-driver; README lists all)", stack.tokenUrl());
  }
}
