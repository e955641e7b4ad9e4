package org.safebed.gateway.connection;

import org.safebed.gateway.config.GatewayProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/**
 * The gateway's HTTP server ({@code safebed.gateway.connections}): a limited time for each
 * request's head and body, and problem answers for requests that cannot be decoded, installed
 * on every new connection right after the HTTP decoder.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionLimitsConfig {

  static final String HANDLER = "safebed.malformedRequestAnswers";

  @Bean
  NettyServerCustomizer safebedConnectionLimits(GatewayProperties properties) {
    GatewayProperties.Connections limits = properties.connections();
    String policy = properties.contentSecurityPolicy();
    return server -> server
        .requestTimeout(limits.requestBodyTimeout())
        .doOnChannelInit((observer, channel, remoteAddress) -> {
          if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
            channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, HANDLER,
                new MalformedRequestAnswers(limits.requestHeadTimeout(), policy));
          }
        });
  }
}
