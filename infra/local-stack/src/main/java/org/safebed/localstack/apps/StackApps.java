package org.safebed.localstack.apps;

import java.util.List;
import java.util.stream.Stream;
import org.safebed.gateway.GatewayApplication;
import org.safebed.console.WebConsoleApplication;
import org.safebed.identity.IdentityProviderApplication;
import org.safebed.occupancy.ShelterOccupancyApplication;
import org.safebed.referral.RentalReferralApplication;
import org.safebed.transport.TransportApplication;
import org.springframework.boot.WebApplicationType;

/**
 * The six applications and what each must not pick up from the shared classpath. Names are
 * strings because Boot silently ignores an exclusion of a class that is not on the classpath;
 * {@code StackAppsTest} checks each one names a real auto-configuration.
 */
public final class StackApps {

  /** Data stores: the gateway and the identity provider have none. */
  static final List<String> MONGO_AND_RABBIT = List.of(
      "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
      "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration",
      "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
      "org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration",
      "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
      "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
      "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
      "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
      "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveRepositoriesAutoConfiguration",
      "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
      "org.springframework.boot.amqp.autoconfigure.health.RabbitHealthContributorAutoConfiguration",
      "org.springframework.boot.amqp.autoconfigure.metrics.RabbitMetricsAutoConfiguration");

  /** The services' shared platform: outbox relay, service security defaults, sealing and audit. */
  static final List<String> SERVICE_PLATFORM = List.of(
      "org.safebed.platform.messaging.config.PlatformMessagingAutoConfiguration",
      "org.safebed.platform.web.security.PlatformSecurityAutoConfiguration",
      "org.safebed.platform.web.PlatformRecordsAutoConfiguration");

  /** Would give a service its own signing key and a JwtDecoder that trusts it. */
  static final List<String> AUTHORIZATION_SERVER = List.of(
      "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
      "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration");

  /** The gateway refuses to start in a servlet application (and would route nothing there). */
  static final List<String> GATEWAY = List.of(
      "org.springframework.cloud.gateway.config.GatewayClassPathWarningAutoConfiguration",
      "org.springframework.cloud.gateway.config.GatewayAutoConfiguration",
      "org.springframework.cloud.gateway.config.GatewayResilience4JCircuitBreakerAutoConfiguration",
      "org.springframework.cloud.gateway.config.GatewayNoLoadBalancerClientAutoConfiguration",
      "org.springframework.cloud.gateway.config.GatewayMetricsAutoConfiguration",
      "org.springframework.cloud.gateway.config.GatewayRedisAutoConfiguration",
      "org.springframework.cloud.gateway.config.GatewayReactiveLoadBalancerClientAutoConfiguration",
      "org.springframework.cloud.gateway.config.LocalResponseCacheAutoConfiguration",
      "org.springframework.cloud.gateway.discovery.GatewayDiscoveryClientAutoConfiguration");

  /**
   * Reactor Netty is on the classpath for the gateway. In a servlet application this would create a
   * ReactorResourceFactory over Reactor's global resources, and closing that application (a stopped
   * service, see {@code LocalStack.stop}) would dispose them under the running gateway, which then
   * accepts no connection. The servlet applications call out with RestClient only.
   */
  static final List<String> REACTIVE_HTTP_CLIENT = List.of(
      "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration");

  /** Tomcat is on the classpath for the others; the gateway must run on Netty. */
  static final List<String> TOMCAT_REACTIVE = List.of(
      "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
      "org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatReactiveManagementContextAutoConfiguration");

  public static final StackApp IDENTITY_PROVIDER = new StackApp(
      "identity-provider", IdentityProviderApplication.class, IdentityProviderApplication.CONFIG_NAME,
      WebApplicationType.SERVLET, concat(MONGO_AND_RABBIT, SERVICE_PLATFORM, GATEWAY, REACTIVE_HTTP_CLIENT), null);

  public static final StackApp SHELTER_OCCUPANCY = service(
      "shelter-occupancy", ShelterOccupancyApplication.class, "shelter-occupancy-service",
      "shelter_occupancy");

  public static final StackApp TRANSPORT = service(
      "transport", TransportApplication.class, "transport-service", "transport");

  public static final StackApp RENTAL_REFERRAL = service(
      "rental-referral", RentalReferralApplication.class, "rental-referral-service",
      "rental_referral");

  public static final StackApp GATEWAY_APP = new StackApp(
      "gateway", GatewayApplication.class, GatewayApplication.CONFIG_NAME,
      WebApplicationType.REACTIVE,
      concat(MONGO_AND_RABBIT, SERVICE_PLATFORM, AUTHORIZATION_SERVER, TOMCAT_REACTIVE), null);

  /** No data store and no broker; the services' token validation and roles, but not their records. */
  public static final StackApp WEB_CONSOLE = new StackApp(
      "web-console", WebConsoleApplication.class, WebConsoleApplication.CONFIG_NAME,
      WebApplicationType.SERVLET,
      concat(MONGO_AND_RABBIT, List.of(
              "org.safebed.platform.messaging.config.PlatformMessagingAutoConfiguration",
              "org.safebed.platform.web.PlatformRecordsAutoConfiguration"),
          AUTHORIZATION_SERVER, GATEWAY, REACTIVE_HTTP_CLIENT), null);

  /** The services, which can start side by side. */
  public static final List<StackApp> SERVICES = List.of(SHELTER_OCCUPANCY, TRANSPORT, RENTAL_REFERRAL);

  /** Everything, in start order. */
  public static final List<StackApp> ALL =
      List.of(IDENTITY_PROVIDER, SHELTER_OCCUPANCY, TRANSPORT, RENTAL_REFERRAL, WEB_CONSOLE, GATEWAY_APP);

  private StackApps() {}

  private static StackApp service(String name, Class<?> source, String configName, String database) {
    return new StackApp(name, source, configName, WebApplicationType.SERVLET,
        concat(AUTHORIZATION_SERVER, GATEWAY, REACTIVE_HTTP_CLIENT), database);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... groups) {
    return Stream.of(groups).flatMap(List::stream).toList();
  }
}
