package dev.airlock.infra.local;

import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Create-or-update of one CloudFormation stack, waiting for the result. The SDK waiters poll every
 * 30 s, far too slowly for an emulator that finishes in seconds, hence the small loop here.
 */
final class StackOperations {

    private static final Duration POLL = Duration.ofSeconds(2);
    /** Lambda container images may be pulled on first deploy; allow for a slow network. */
    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final String NO_UPDATES = "No updates are to be performed";

    /** A template passed inline or by S3 URL. */
    record TemplateSource(String body, String url) {
        static TemplateSource body(String body) {
            return new TemplateSource(body, null);
        }

        static TemplateSource url(String url) {
            return new TemplateSource(null, url);
        }
    }

    private final CloudFormationClient cfn;

    StackOperations(CloudFormationClient cfn) {
        this.cfn = cfn;
    }

    /** Creates or updates the stack and returns its outputs; throws with the failure reasons. */
    Map<String, String> deploy(String stackName, TemplateSource template, Map<String, String> parameters) {
        List<Parameter> params = parameters.entrySet().stream()
                .map(e -> Parameter.builder().parameterKey(e.getKey()).parameterValue(e.getValue()).build())
                .toList();
        Optional<Stack> existing = describe(stackName);
        if (existing.isPresent() && existing.get().stackStatus() == StackStatus.ROLLBACK_COMPLETE) {
            // A failed first create cannot be updated, only deleted (CloudFormation rule).
            cfn.deleteStack(b -> b.stackName(stackName));
            waitForStable(stackName);
            existing = Optional.empty();
        }
        if (existing.isEmpty()) {
            cfn.createStack(b -> b.stackName(stackName).templateBody(template.body()).templateURL(template.url())
                    .parameters(params).capabilities(Capability.CAPABILITY_IAM));
        } else {
            try {
                cfn.updateStack(b -> b.stackName(stackName).templateBody(template.body())
                        .templateURL(template.url()).parameters(params).capabilities(Capability.CAPABILITY_IAM));
            } catch (CloudFormationException e) {
                if (!String.valueOf(e.awsErrorDetails().errorMessage()).contains(NO_UPDATES)) {
                    throw e;
                }
            }
        }
        Stack stack = waitForStable(stackName).orElseThrow(() ->
                new IllegalStateException("stack " + stackName + " disappeared while deploying"));
        if (stack.stackStatus() != StackStatus.CREATE_COMPLETE && stack.stackStatus() != StackStatus.UPDATE_COMPLETE) {
            throw new IllegalStateException("stack " + stackName + " ended in " + stack.stackStatusAsString()
                    + failureReasons(stackName));
        }
        return stack.outputs().stream().collect(Collectors.toMap(Output::outputKey, Output::outputValue));
    }

    private Optional<Stack> waitForStable(String stackName) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            Optional<Stack> stack = describe(stackName);
            if (stack.isEmpty() || !stack.get().stackStatusAsString().endsWith("_IN_PROGRESS")) {
                return stack;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("stack " + stackName + " still " + stack.get().stackStatusAsString()
                        + " after " + TIMEOUT.toMinutes() + " minutes");
            }
            sleep();
        }
    }

    private Optional<Stack> describe(String stackName) {
        try {
            return cfn.describeStacks(b -> b.stackName(stackName)).stacks().stream().findFirst()
                    .filter(s -> s.stackStatus() != StackStatus.DELETE_COMPLETE);
        } catch (CloudFormationException e) {
            if (String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The reasons CloudFormation gave for each failed resource, newest first. */
    private String failureReasons(String stackName) {
        List<String> reasons = cfn.describeStackEvents(b -> b.stackName(stackName)).stackEvents().stream()
                .filter(e -> e.resourceStatusAsString() != null && e.resourceStatusAsString().endsWith("_FAILED"))
                .map(StackOperations::describeEvent)
                .toList();
        return reasons.isEmpty() ? "" : ":\n  " + String.join("\n  ", reasons);
    }

    private static String describeEvent(StackEvent event) {
        return event.logicalResourceId() + " (" + event.resourceType() + "): " + event.resourceStatusReason();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the stack", e);
        }
    }
}
