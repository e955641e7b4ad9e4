package org.safebed.localstack;

import java.util.Map;
import org.safebed.localstack.apps.StackApp;
import org.safebed.localstack.apps.StackApps;
import org.safebed.localstack.infrastructure.FreePorts;

/** Where each application listens, fixed before any of them starts. */
record StackEndpoints(Map<StackApp, Integer> ports) {

  static StackEndpoints resolve(LocalStack.Options options) {
    return new StackEndpoints(Map.of(
        StackApps.IDENTITY_PROVIDER, FreePorts.resolve(options.identityProviderPort()),
        StackApps.SHELTER_OCCUPANCY, FreePorts.resolve(options.shelterOccupancyPort()),
        StackApps.TRANSPORT, FreePorts.resolve(options.transportPort()),
        StackApps.RENTAL_REFERRAL, FreePorts.resolve(options.rentalReferralPort()),
        StackApps.WEB_CONSOLE, FreePorts.resolve(options.webConsolePort()),
        StackApps.GATEWAY_APP, FreePorts.resolve(options.gatewayPort())));
  }

  int portOf(StackApp app) {
    Integer port = ports.get(app);
    if (port == null) {
      throw new IllegalArgumentException(app.name() + " is not part of the local stack");
    }
    return port;
  }

  /** Loopback by name: the issuer must be exactly {@code http://localhost:<port>}. */
  String urlOf(StackApp app) {
    return "http://localhost:" + portOf(app);
  }

  String gatewayUrl() {
    return urlOf(StackApps.GATEWAY_APP);
  }

  String identityProviderUrl() {
    return urlOf(StackApps.IDENTITY_PROVIDER);
  }

  String tokenUrl() {
    return identityProviderUrl() + "/oauth2/token";
  }

  String jwksUrl() {
    return identityProviderUrl() + "/oauth2/jwks";
  }

  /** Where browsers sign in to the console. */
  String authorizationUrl() {
    return identityProviderUrl() + "/oauth2/authorize";
  }

  /** Where the provider sends a console sign-in back to: the only redirect URI it accepts. */
  String consoleCallbackUrl() {
    return gatewayUrl() + "/login/oauth2/code/safebed";
  }
}
