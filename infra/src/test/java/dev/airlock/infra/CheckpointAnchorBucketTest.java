package dev.airlock.infra;

import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.Routes;
import dev.airlock.core.config.EnvironmentNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write-once anchor: Object Lock COMPLIANCE with the retention parameter, and a bucket policy in which
 * only the checkpoint function puts (under checkpoints/), nobody deletes and only the key administrator
 * changes the bucket. Expected values are written out here, independently of {@link CheckpointAnchorBucket}.
 */
class CheckpointAnchorBucketTest {

    private static final Object ADMIN = Map.of("Ref", KeyAdministrator.PARAMETER);
    private static TemplateJson template;
    private static String bucketId;

    @BeforeAll
    static void synth() {
        template = SynthesizedStack.defaults();
        bucketId = template.environmentTarget(Routes.CHECKPOINT, EnvironmentNames.CHECKPOINT_BUCKET);
    }

    @Test
    void objectLockIsComplianceForTheRetentionParameter_default400Days() {
        Map<String, Object> bucket = template.ofType("AWS::S3::Bucket").get(bucketId);
        assertThat(bucket).containsEntry("ObjectLockEnabled", true)
                .containsEntry("VersioningConfiguration", Map.of("Status", "Enabled"))
                .containsEntry("ObjectLockConfiguration", Map.of("ObjectLockEnabled", "Enabled",
                        "Rule", Map.of("DefaultRetention", Map.of("Mode", "COMPLIANCE",
                                "Days", Map.of("Ref", "CheckpointRetentionDays")))));
        assertThat(parameter("CheckpointRetentionDays")).containsEntry("Type", "Number").containsEntry("Default", 400)
                .containsEntry("MinValue", 1);
    }

    @Test
    void isPrivate_encrypted_andRetainedWhenTheStackGoes() {
        Map<String, Object> bucket = template.ofType("AWS::S3::Bucket").get(bucketId);
        assertThat(bucket.get("PublicAccessBlockConfiguration")).isEqualTo(Map.of("BlockPublicAcls", true,
                "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        assertThat(bucket).containsKey("BucketEncryption");
        assertThat(template.resource(bucketId)).containsEntry("DeletionPolicy", "Retain")
                .containsEntry("UpdateReplacePolicy", "Retain");
    }

    @Test
    void plainHttpIsRefusedForEverything() {
        assertThat(policy()).filteredOn(s -> Map.of("Bool", Map.of("aws:SecureTransport", "false")).equals(s.get("Condition")))
                .singleElement().satisfies(s -> {
                    assertThat(s.get("Effect")).isEqualTo("Deny");
                    assertThat(s.get("Action")).isEqualTo("s3:*");
                });
    }

    @Test
    void putsAreDeniedToEveryoneButTheCheckpointRole() {
        Map<String, Object> deny = bySid("OnlyTheCheckpointFunctionPuts");
        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(deny.get("Principal")).isEqualTo(Map.of("AWS", "*"));
        assertThat(TemplateJson.list(deny.get("Action"))).containsExactlyInAnyOrder("s3:PutObject", "s3:PutObjectRetention");
        assertThat(TemplateJson.render(deny.get("Resource"), Map.of(bucketId, "bucket"))).isEqualTo("bucket/*");
        assertThat(deny.get("Condition")).isEqualTo(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn",
                Map.of("Fn::GetAtt", List.of(template.roleId(Routes.CHECKPOINT), "Arn")))));
    }

    @Test
    void putsOutsideCheckpointsAreDeniedToEveryone() {
        Map<String, Object> deny = bySid("PutsOnlyUnderCheckpoints");
        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(deny).doesNotContainKeys("Condition", "Resource");
        assertThat(TemplateJson.render(deny.get("NotResource"), Map.of(bucketId, "bucket"))).isEqualTo("bucket/checkpoints/*");
        assertThat(TemplateJson.list(deny.get("Action"))).contains("s3:PutObject");
    }

    /** A delete marker would hide a checkpoint from a listing even though Object Lock keeps its version. */
    @Test
    void deletesAreDeniedToEveryoneWithoutException() {
        Map<String, Object> deny = bySid("NothingIsDeleted");
        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(deny.get("Principal")).isEqualTo(Map.of("AWS", "*"));
        assertThat(deny.get("Condition")).isNull();
        assertThat(TemplateJson.list(deny.get("Action"))).containsExactlyInAnyOrder("s3:DeleteObject", "s3:DeleteObjectVersion");
    }

    @Test
    void theBucketsProtectionsAreDeniedToAllButTheKeyAdministrator() {
        Map<String, Object> deny = bySid("OnlyTheKeyAdministratorChangesTheBucket");
        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(deny.get("Principal")).isEqualTo(Map.of("AWS", "*"));
        assertThat(deny.get("Resource")).isEqualTo(Map.of("Fn::GetAtt", List.of(bucketId, "Arn")));
        assertThat(TemplateJson.list(deny.get("Action"))).contains("s3:PutBucketObjectLockConfiguration",
                "s3:PutBucketVersioning", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketPublicAccessBlock",
                "s3:PutLifecycleConfiguration", "s3:DeleteBucket");
        assertThat(deny.get("Condition")).isEqualTo(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", ADMIN)));
        assertThat(policy()).as("nothing in the policy allows anything").noneMatch(s -> "Allow".equals(s.get("Effect")));
    }

    @Test
    void onlyTheCheckpointFunctionIsToldTheBucketAndTheInterval() {
        for (String function : Catalogue.names()) {
            Map<String, Object> env = TemplateJson.environment(template.function(function));
            boolean checkpoint = function.equals(Routes.CHECKPOINT);
            assertThat(env.containsKey(EnvironmentNames.CHECKPOINT_BUCKET)).as(function).isEqualTo(checkpoint);
            assertThat(env.containsKey(EnvironmentNames.CHECKPOINT_INTERVAL)).as(function).isEqualTo(checkpoint);
        }
        assertThat(TemplateJson.environment(template.function(Routes.CHECKPOINT)).get(EnvironmentNames.CHECKPOINT_INTERVAL))
                .isEqualTo(Map.of("Fn::Join", List.of("", List.of("PT", Map.of("Ref", "CheckpointIntervalMinutes"), "M"))));
        assertThat(parameter("CheckpointIntervalMinutes")).containsEntry("Type", "Number").containsEntry("Default", 5);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameter(String name) {
        Map<String, Object> parameter = (Map<String, Object>) template.section("Parameters").get(name);
        assertThat(parameter).as(name).isNotNull();
        return parameter;
    }

    private static List<Map<String, Object>> policy() {
        return template.ofType("AWS::S3::BucketPolicy").values().stream()
                .filter(p -> Map.of("Ref", bucketId).equals(p.get("Bucket")))
                .flatMap(p -> TemplateJson.statements(p.get("PolicyDocument")).stream())
                .toList();
    }

    private static Map<String, Object> bySid(String sid) {
        return policy().stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + policy()));
    }
}
