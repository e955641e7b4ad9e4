package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.safebed.platform.messaging.config.MessagingProperties;
import org.safebed.platform.testing.RequiresRabbitMq;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A poison placement event reaches the referral service's dead-letter queue (a RabbitMQ quorum queue
 * feature, so skipped, and named, without a real RabbitMQ; never skipped under {@code CI=true}).
 */
@RequiresRabbitMq
class PoisonPlacementEventOnRabbitMqIT extends ServiceIT {

  @Autowired MessagingProperties messaging;
  @Autowired ConnectionFactory connectionFactory;

  @Test
  void anUnreadableEventIsDeadLetteredAndTheInboxGoesOn() {
    MessageProperties properties = new MessageProperties();
    properties.setType(CHECKED_IN);
    properties.setMessageId("poison-" + shortId());
    properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
    events.publishRaw(CHECKED_IN, new Message("{not json".getBytes(StandardCharsets.UTF_8), properties));

    RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
    Message[] dead = new Message[1];
    await(() -> (dead[0] = rabbit.receive(messaging.deadLetterQueue())) != null, "poison message dead-lettered");
    assertThat(dead[0].getMessageProperties().getMessageId()).isEqualTo(properties.getMessageId());
    assertThat(checkedIn()).isNotNull();
  }
}
