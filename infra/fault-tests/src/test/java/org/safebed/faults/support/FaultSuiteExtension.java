package org.safebed.faults.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fault suite needs an installed RabbitMQ to start its private node. Without one it is skipped
 * with a printed notice, except under {@code CI=true}, where that is a failure (as for
 * {@code @RequiresRabbitMq}): CI must prove these properties.
 */
public final class FaultSuiteExtension implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (PrivateRabbitMq.installation().isPresent()) {
      return ConditionEvaluationResult.enabled("RabbitMQ is installed");
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI=true but rabbitmq-server is not installed: the fault suite must run on CI");
    }
    System.out.println("[safebed-faults] SKIPPED (rabbitmq-server not installed): " + context.getUniqueId());
    return ConditionEvaluationResult.disabled("rabbitmq-server is not installed");
  }
}
