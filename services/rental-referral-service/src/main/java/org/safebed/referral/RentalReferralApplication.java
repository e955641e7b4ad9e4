package org.safebed.referral;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Rental referral service: rental units, referrals, offers, move-in. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RentalReferralApplication {

  public static void main(String[] args) {
    // Named configuration, so that several SafeBed services can share one JVM in the local stack.
    new SpringApplicationBuilder(RentalReferralApplication.class)
        .properties("spring.config.name=rental-referral-service")
        .run(args);
  }
}
