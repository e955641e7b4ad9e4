package org.safebed.platform.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link RequiresRabbitMq}. */
final class RequiresRabbitMqCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (TestBroker.get().isRealRabbitMq()) {
      return ConditionEvaluationResult.enabled("real RabbitMQ available");
    }
    String name = context.getDisplayName();
    System.out.println("[safebed-tests] SKIPPED (needs RabbitMQ): " + context.getUniqueId());
    return ConditionEvaluationResult.disabled("needs a real RabbitMQ: " + name);
  }
}
