package org.safebed.console;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console finds the services, and how its pages behave.
 *
 * @param shelterOccupancyUrl the shelter occupancy service (placements, shelters)
 * @param transportUrl the transport service (drivers, jobs)
 * @param rentalReferralUrl the rental referral service (referrals, her agency's units)
 * @param timeZone the zone times are shown in
 * @param refreshEvery how often an open page asks for what changed
 * @param safetyNetEvery how often a page that is told of changes live also asks, in case its
 *     stream is down
 * @param sessionTimeout the gateway's session lifetime, so the page can warn before it ends
 */
@ConfigurationProperties("safebed.console")
public record ConsoleProperties(
    URI shelterOccupancyUrl, URI transportUrl, URI rentalReferralUrl, ZoneId timeZone, Duration refreshEvery, Duration safetyNetEvery,
    Duration sessionTimeout) {

  public ConsoleProperties {
    timeZone = timeZone == null ? ZoneId.of("Europe/Brussels") : timeZone;
    refreshEvery = refreshEvery == null ? Duration.ofSeconds(3) : refreshEvery;
    safetyNetEvery = safetyNetEvery == null ? Duration.ofSeconds(60) : safetyNetEvery;
    sessionTimeout = sessionTimeout == null ? Duration.ofMinutes(30) : sessionTimeout;
  }
}
