package org.safebed.platform.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Base64;
import org.safebed.platform.web.audit.AuditChainGauge;
import org.safebed.platform.web.audit.AuditEndpoint;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.audit.DisclosureCounts;
import org.safebed.platform.web.health.MongoPingHealthIndicator;
import org.safebed.platform.web.retention.RetentionEndpoint;
import org.safebed.platform.web.retention.RetentionProperties;
import org.safebed.platform.web.retention.RetentionSweep;
import org.safebed.platform.web.retention.RetentionTask;
import org.safebed.platform.web.sealing.FieldSealer;
import org.safebed.platform.web.sealing.SealedCopies;
import org.safebed.platform.web.sealing.SealedField;
import org.safebed.platform.web.sealing.SealedFieldRotation;
import org.safebed.platform.web.sealing.SealingEndpoint;
import org.safebed.platform.web.sealing.SealingProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Sealing of sensitive fields, the audit trail and the retention of personal data, for services
 * that keep such records.
 */
@AutoConfiguration(
    after = DataMongoAutoConfiguration.class,
    beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@EnableConfigurationProperties({SealingProperties.class, RetentionProperties.class})
public class PlatformRecordsAutoConfiguration {

  @Bean
  @ConditionalOnProperty("safebed.sealing.key")
  FieldSealer fieldSealer(SealingProperties properties) {
    java.util.Map<String, byte[]> keys = new java.util.HashMap<>();
    properties.previousKeys().forEach((id, key) -> keys.put(id, Base64.getDecoder().decode(key)));
    keys.put(properties.keyId(), Base64.getDecoder().decode(properties.key()));
    return new FieldSealer(properties.keyId(), keys);
  }

  @Bean
  @ConditionalOnBean({FieldSealer.class, MongoTemplate.class})
  SealedFieldRotation sealedFieldRotation(
      MongoTemplate mongo, FieldSealer sealer, ObjectProvider<SealedField> fields,
      ObjectProvider<SealedCopies> copies) {
    // A service that declares no sealed field still answers /actuator/sealing (with nothing).
    return new SealedFieldRotation(
        mongo, sealer, fields.orderedStream().toList(), copies.orderedStream().toList());
  }

  @Bean
  @ConditionalOnBean(SealedFieldRotation.class)
  SealingEndpoint sealingEndpoint(SealedFieldRotation rotation) {
    return new SealingEndpoint(rotation);
  }

  /** Replaces Boot's Mongo health check (see {@link MongoPingHealthIndicator} for why). */
  @Bean
  @ConditionalOnBean(MongoTemplate.class)
  @ConditionalOnMissingBean(name = "mongoHealthIndicator")
  MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
    return new MongoPingHealthIndicator(mongo);
  }

  @Bean
  @ConditionalOnBean(MongoTemplate.class)
  @ConditionalOnMissingBean
  AuditTrail auditTrail(MongoTemplate mongo, ObjectProvider<MeterRegistry> registry) {
    MeterRegistry meters = registry.getIfUnique();
    return new AuditTrail(mongo, Clock.systemUTC(), meters == null ? null : new DisclosureCounts(meters));
  }

  @Bean
  @ConditionalOnBean(AuditTrail.class)
  @ConditionalOnClass(MeterRegistry.class)
  AuditChainGauge auditChainGauge(AuditTrail trail) {
    return new AuditChainGauge(trail, Clock.systemUTC());
  }

  @Bean
  @ConditionalOnBean(AuditTrail.class)
  AuditEndpoint auditEndpoint(AuditTrail trail) {
    return new AuditEndpoint(trail);
  }

  @Bean
  @ConditionalOnBean(AuditTrail.class)
  RetentionSweep retentionSweep(ObjectProvider<RetentionTask> tasks, AuditTrail audit,
      RetentionProperties properties, ObjectProvider<Clock> clock) {
    return new RetentionSweep(tasks.orderedStream().toList(), audit, properties,
        clock.getIfUnique(Clock::systemUTC));
  }

  @Bean
  @ConditionalOnBean(RetentionSweep.class)
  RetentionEndpoint retentionEndpoint(RetentionSweep sweep) {
    return new RetentionEndpoint(sweep);
  }
}
