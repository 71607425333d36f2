package dev.airlock.endpoints;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's injected clock, through the SDK: a shard iterator expires after 15 minutes
 * ({@code ExpiredIteratorException}), and a COMPLIANCE-locked version becomes deletable when its
 * retention ends — neither of which a conformance test against a real endpoint could wait for.
 */
class EmbeddedAwsServerClockTest {

    private static final Instant START = Instant.parse("2026-12-06T01:00:00Z");
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-only-secret"));

    private static final class MovableClock extends Clock {
        private volatile Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void shardIterators_shouldExpireAfterFifteenMinutes_onTheServersClock() {
        MovableClock clock = new MovableClock();
        try (EmbeddedAwsServer server = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults().withClock(clock));
             DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(server.endpoint())
                     .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                     .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            dynamo.createTable(r -> r.tableName("audit").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("chain").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("chain").keyType(KeyType.HASH))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
            dynamo.putItem(r -> r.tableName("audit").item(Map.of("chain", AttributeValue.fromS("a"))));
            String arn = dynamo.describeTable(r -> r.tableName("audit")).table().latestStreamArn();
            String shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
            String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();

            clock.advance(Duration.ofMinutes(15).plusSeconds(1));

            assertThatThrownBy(() -> streams.getRecords(r -> r.shardIterator(iterator)))
                    .isInstanceOf(ExpiredIteratorException.class);
        }
    }

    @Test
    void aComplianceLockedVersion_shouldBecomeDeletable_onlyWhenItsRetentionEnds() {
        MovableClock clock = new MovableClock();
        try (EmbeddedAwsServer server = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults().withClock(clock));
             S3Client s3 = S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(CREDENTIALS).forcePathStyle(true)
                     .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            s3.createBucket(r -> r.bucket("anchor").objectLockEnabledForBucket(true));
            String version = s3.putObject(r -> r.bucket("anchor").key("checkpoints/1.json")
                    .objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(START.plus(Duration.ofDays(400))),
                    RequestBody.fromString("{}")).versionId();

            clock.advance(Duration.ofDays(399));
            assertThatThrownBy(() -> s3.deleteObject(r -> r.bucket("anchor").key("checkpoints/1.json").versionId(version)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            clock.advance(Duration.ofDays(1));
            s3.deleteObject(r -> r.bucket("anchor").key("checkpoints/1.json").versionId(version));

            assertThat(s3.listObjectsV2(r -> r.bucket("anchor")).contents()).isEmpty();
        }
    }
}
