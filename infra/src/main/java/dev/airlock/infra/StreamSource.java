package dev.airlock.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.EventSourceMappingOptions;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * One table-stream function's event source: Lambda's event source mapping on the table's stream, invoking
 * the function's alias, with its on-failure queue and an alarm on that queue. The same settings for every
 * {@code Trigger.TableStream} function (Lambda developer guide, "Using AWS Lambda with Amazon DynamoDB"):
 * <ul>
 *   <li>{@code TRIM_HORIZON}: a new mapping starts at the oldest record the stream keeps (24 hours), so
 *       nothing appended while it was created or re-created is skipped;</li>
 *   <li>{@code ReportBatchItemFailures}: the function names the first change it could not handle
 *       ({@code StreamConsumer.Result}) and Lambda retries from there, never re-running what succeeded;</li>
 *   <li>bisect on error, {@value #RETRY_ATTEMPTS} retries and a maximum record age of one day: a poison
 *       record cannot block its shard forever; when it is given up it goes (as metadata: shard,
 *       sequence numbers) to the encrypted, TLS-only on-failure queue, whose alarm says so;</li>
 *   <li>parallelization factor 1: records of one shard (one chain's appends) arrive in order.</li>
 * </ul>
 * The function's role reads the stream by {@link Permissions} ({@code AUDIT_STREAM}); CDK's {@link SqsDlq}
 * lets it send to its own queue only.
 */
public final class StreamSource extends Construct {

    static final int BATCH_SIZE = 100;
    static final int RETRY_ATTEMPTS = 10;
    static final Duration MAX_RECORD_AGE = Duration.days(1);
    /** Longest SQS retention: time to look at a failed batch. */
    static final Duration QUEUE_RETENTION = Duration.days(14);

    private final Queue onFailure;

    public StreamSource(Construct scope, String id, String functionName, AirlockFunction function, ITable table) {
        super(scope, id);
        this.onFailure = Queue.Builder.create(this, "OnFailure")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(QUEUE_RETENTION)
                .build();
        function.alias().addEventSourceMapping("Stream", EventSourceMappingOptions.builder()
                .eventSourceArn(table.getTableStreamArn())
                .startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(BATCH_SIZE)
                .bisectBatchOnError(true)
                .retryAttempts(RETRY_ATTEMPTS)
                .maxRecordAge(MAX_RECORD_AGE)
                .parallelizationFactor(1)
                .reportBatchItemFailures(true)
                .onFailure(new SqsDlq(onFailure))
                .build());
        onFailure.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(Duration.minutes(5)).statistic("Maximum").build())
                .createAlarm(this, "OnFailureAlarm", CreateAlarmOptions.builder()
                        .alarmDescription("Airlock " + functionName + ": stream records given up after retries "
                                + "(their shard and sequence numbers are in the on-failure queue)")
                        .threshold(1)
                        .evaluationPeriods(1)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                        .treatMissingData(TreatMissingData.NOT_BREACHING)
                        .build());
    }

    public Queue onFailure() {
        return onFailure;
    }
}
