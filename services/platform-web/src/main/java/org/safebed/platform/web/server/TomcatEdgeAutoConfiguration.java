package org.safebed.platform.web.server;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Tomcat as the edge of every service: its own refusals are problems ({@link ProblemJsonErrorReport}),
 * so is a query it cannot decode ({@link MalformedQueryFilter}), and slow or idle clients are
 * dropped ({@link ConnectionLimits}).
 */
@AutoConfiguration
@ConditionalOnClass(Tomcat.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ConnectionLimits.class)
public class TomcatEdgeAutoConfiguration {

  /** The host starts after the context is prepared, and installs this class in place of its own. */
  @Bean
  TomcatContextCustomizer safebedProblemJsonErrorReport() {
    return context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(ProblemJsonErrorReport.class.getName());
      }
    };
  }

  /** Right after the size limit: nothing else may be the first to decode the query. */
  @Bean
  FilterRegistrationBean<MalformedQueryFilter> safebedMalformedQuery() {
    FilterRegistrationBean<MalformedQueryFilter> registration =
        new FilterRegistrationBean<>(new MalformedQueryFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /**
   * Applied before Boot's {@code server.tomcat.*} properties, so those still override it. The keep-alive
   * timeout is set explicitly: Tomcat would otherwise use the request timeout for it.
   */
  @Bean
  TomcatConnectorCustomizer safebedConnectionLimits(ConnectionLimits limits) {
    return connector -> {
      connector.setProperty("connectionTimeout", Long.toString(limits.requestTimeout().toMillis()));
      connector.setProperty("keepAliveTimeout", Long.toString(limits.keepAliveTimeout().toMillis()));
    };
  }
}
