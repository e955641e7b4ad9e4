package org.safebed.localstack;

import java.util.LinkedHashMap;
import java.util.Map;
import org.safebed.localstack.apps.StackApp;
import org.safebed.localstack.apps.StackApps;
import org.safebed.localstack.infrastructure.Infrastructure;
import org.safebed.localstack.infrastructure.MongoUris;
import org.springframework.boot.WebApplicationType;

/**
 * The properties each application gets in the local stack. Where a service reads a documented
 * variable ({@code SAFEBED_OIDC_ISSUER}, {@code TRANSPORT_URL}, ...) the stack sets that variable
 * rather than the property behind it, so the services keep their own property names.
 */
final class AppProperties {

  private final LocalStack.Options options;
  private final StackEndpoints endpoints;
  private final String sealingKey;

  AppProperties(LocalStack.Options options, StackEndpoints endpoints, String sealingKey) {
    this.options = options;
    this.endpoints = endpoints;
    this.sealingKey = sealingKey;
  }

  /** The properties of an application that needs no data store. */
  Map<String, String> of(StackApp app) {
    if (app.usesMongoAndBroker()) {
      throw new IllegalArgumentException(app.name() + " needs MongoDB and the broker");
    }
    return of(app, null);
  }

  /** The properties of an application; {@code infrastructure} only matters for the services. */
  Map<String, String> of(StackApp app, Infrastructure infrastructure) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.config.name", app.configName());
    properties.put("spring.autoconfigure.exclude", String.join(",", app.excludedAutoConfigurations()));
    properties.put("server.port", Integer.toString(endpoints.portOf(app)));
    // Demo accounts and demo data: never reachable from another machine.
    properties.put("server.address", "127.0.0.1");
    properties.put("spring.jmx.enabled", "false");
    properties.put("SAFEBED_OIDC_ISSUER", endpoints.identityProviderUrl());
    properties.put("SAFEBED_OIDC_JWKS_URI", endpoints.jwksUrl());
    properties.put("SAFEBED_OIDC_TOKEN_URI", endpoints.tokenUrl());
    // The console's sign-in: the provider accepts codes for this gateway only, and the gateway's
    // session cookie travels over the stack's plain HTTP.
    properties.put("SAFEBED_OIDC_AUTHORIZATION_URI", endpoints.authorizationUrl());
    properties.put("SAFEBED_CONSOLE_REDIRECT_URIS", endpoints.consoleCallbackUrl());
    properties.put("SAFEBED_SESSION_COOKIE_SECURE", "false");
    properties.put("SHELTER_OCCUPANCY_URL", endpoints.urlOf(StackApps.SHELTER_OCCUPANCY));
    properties.put("TRANSPORT_URL", endpoints.urlOf(StackApps.TRANSPORT));
    properties.put("RENTAL_REFERRAL_URL", endpoints.urlOf(StackApps.RENTAL_REFERRAL));
    properties.put("WEB_CONSOLE_URL", endpoints.urlOf(StackApps.WEB_CONSOLE));
    // No routing provider here: transport's straight-line estimates (50 km/h) are pessimistic and three
    // demo drivers cover the whole country, so the demo lets a driver come from up to four hours
    // away (Lille to Rouen); one from the other end of the country is still never sent.
    properties.put("SAFEBED_MAX_PICKUP_ETA", "240m");
    if (app.webType() == WebApplicationType.SERVLET) {
      servletDefaults(properties);
    }
    if (app.usesMongoAndBroker()) {
      properties.put("spring.mongodb.uri",
          MongoUris.withDatabase(infrastructure.mongoUri(), app.mongoDatabase()));
      properties.put("spring.rabbitmq.addresses", infrastructure.brokerUri());
      properties.put("SAFEBED_SEALING_KEY", sealingKey);
      properties.put("safebed.demo-data.enabled", Boolean.toString(options.demoData()));
      if (infrastructure.embeddedMongo()) {
        // Boot's check sends "hello", which the wire-protocol server does not know, so it would
        // report DOWN for ever; the server lives in this JVM and cannot be down while it runs.
        properties.put("management.health.mongodb.enabled", "false");
      }
    }
    properties.putAll(options.properties());
    return properties;
  }

  /**
   * Small thread pools: five servers share two cores here, and a local stack serves one person.
   * The gateway's routing is only for the reactive gateway.
   */
  private static void servletDefaults(Map<String, String> properties) {
    properties.put("server.tomcat.threads.max", "20");
    properties.put("server.tomcat.threads.min-spare", "2");
    properties.put("spring.cloud.gateway.server.webflux.enabled", "false");
  }
}
