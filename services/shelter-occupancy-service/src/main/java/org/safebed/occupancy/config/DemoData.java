package org.safebed.occupancy.config;

import org.safebed.occupancy.application.DemoShelters;
import org.safebed.occupancy.application.ShelterAdministration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Seeds the synthetic demo shelters on the local stack; repeatable (fixed ids, insert if absent). */
@Component
@ConditionalOnProperty(name = "safebed.demo-data.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final ShelterAdministration administration;

  public DemoData(ShelterAdministration administration) {
    this.administration = administration;
  }

  @Override
  public void run(ApplicationArguments args) {
    long added = DemoShelters.ALL_SHELTERS.stream().filter(administration::registerIfAbsent).count();
    log.info("Demo data: {} of {} demo shelters added", added, DemoShelters.ALL_SHELTERS.size());
  }
}
