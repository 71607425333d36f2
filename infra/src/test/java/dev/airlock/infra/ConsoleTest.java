package dev.airlock.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The review console's bucket, distribution, headers and deployment in the synthesized template. */
class ConsoleTest {

    private final TemplateJson json = SynthesizedStack.defaults();
    private final Template template = json.template();

    @Test
    void theBucketIsPrivateAndRefusesPlainHttp() {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of("PublicAccessBlockConfiguration", Map.of(
                "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true)));
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void cloudFrontReadsTheBucketWithOriginAccessControlOverHttpsOnly() {
        template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
        template.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "DefaultRootObject", "index.html",
                "DefaultCacheBehavior", Match.objectLike(Map.of("ViewerProtocolPolicy", "https-only")),
                "Origins", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "S3OriginConfig", Map.of("OriginAccessIdentity", ""),
                        "OriginAccessControlId", Match.anyValue()))))))));
    }

    @Test
    void everyApiRouteIsForwardedUncachedOnTheSameOrigin() {
        Map<String, Object> distribution = json.ofType("AWS::CloudFront::Distribution").values().iterator().next();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> behaviors = (List<Map<String, Object>>) ((Map<String, Object>) distribution
                .get("DistributionConfig")).get("CacheBehaviors");
        assertThat(behaviors).extracting(b -> b.get("PathPattern"))
                .containsExactlyInAnyOrderElementsOf(Console.apiPathPatterns());
        assertThat(Console.apiPathPatterns()).contains("/requests*", "/certificates*", "/ca*", "/krl*", "/.well-known/airlock");
        assertThat(behaviors).allSatisfy(b -> {
            assertThat(b.get("ViewerProtocolPolicy")).isEqualTo("https-only");
            // Managed-CachingDisabled: the API's answers (with their tokens' effects) are never cached.
            assertThat(b.get("CachePolicyId")).isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
        });
    }

    @Test
    void responsesCarryTheSecurityHeaders() {
        Map<String, Object> policy = json.ofType("AWS::CloudFront::ResponseHeadersPolicy").values().iterator().next();
        @SuppressWarnings("unchecked")
        Map<String, Object> security = (Map<String, Object>) ((Map<String, Object>) policy
                .get("ResponseHeadersPolicyConfig")).get("SecurityHeadersConfig");
        String csp = TemplateJson.render(((Map<?, ?>) security.get("ContentSecurityPolicy")).get("ContentSecurityPolicy"), Map.of());
        assertThat(csp).startsWith("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' https://")
                .contains("frame-ancestors 'none'").contains("base-uri 'none'").doesNotContain("unsafe-inline").doesNotContain("*");
        assertThat(security.get("FrameOptions")).isEqualTo(Map.of("FrameOption", "DENY", "Override", true));
        assertThat(security.get("ReferrerPolicy")).isEqualTo(Map.of("ReferrerPolicy", "no-referrer", "Override", true));
        assertThat(security.get("ContentTypeOptions")).isEqualTo(Map.of("Override", true));
        assertThat(((Map<?, ?>) security.get("StrictTransportSecurity")).get("AccessControlMaxAgeSec")).isEqualTo(63072000);
    }

    @Test
    void theFilesAndTheirSettingsAreDeployedAndTheUrlIsAnOutput() {
        template.resourceCountIs("Custom::CDKBucketDeployment", 1);
        assertThat(json.section("Outputs")).containsKey(AirlockStack.CONSOLE_URL_OUTPUT);
        assertThat(json.section("Parameters")).containsKeys(AirlockStack.CONSOLE_CLIENT_ID_PARAM,
                AirlockStack.CONSOLE_IDENTITY_ORIGINS_PARAM);
    }

    @Test
    void consoleFalseLeavesItOut() {
        Template without = SynthesizedStack.synth(Map.of(AirlockStack.CONSOLE, "false"));
        without.resourceCountIs("AWS::CloudFront::Distribution", 0);
        without.resourceCountIs("Custom::CDKBucketDeployment", 0);
        assertThat(new TemplateJson(without).section("Outputs")).doesNotContainKey(AirlockStack.CONSOLE_URL_OUTPUT);
    }

    /** The deployment handler (CDK's) may write the console's bucket only, read the asset bucket, invalidate. */
    @Test
    void theDeploymentHandlerReachesOnlyTheConsoleBucketTheAssetsAndInvalidations() {
        String bucket = json.ofType("AWS::S3::Bucket").keySet().stream().filter(id -> id.startsWith("ConsoleFiles"))
                .findFirst().orElseThrow();
        List<Map<String, Object>> statements = json.ofType("AWS::IAM::Policy").entrySet().stream()
                .filter(e -> TemplateJson.isConsoleDeployment(e.getKey()))
                .flatMap(e -> TemplateJson.statements(e.getValue().get("PolicyDocument")).stream()).toList();
        assertThat(statements).isNotEmpty().allSatisfy(statement -> {
            List<String> actions = TemplateJson.list(statement.get("Action")).stream().map(String::valueOf).toList();
            String resources = TemplateJson.list(statement.get("Resource")).stream()
                    .map(r -> TemplateJson.render(r, Map.of(bucket, "CONSOLE_BUCKET"))).toList().toString();
            assertThat(actions).allMatch(a -> a.startsWith("s3:") || a.startsWith("cloudfront:"));
            if (actions.stream().anyMatch(a -> a.startsWith("s3:Put") || a.startsWith("s3:Delete"))) {
                assertThat(resources).contains("CONSOLE_BUCKET").doesNotContain("cdk-");
            }
            if (actions.stream().anyMatch(a -> a.startsWith("cloudfront:"))) {
                assertThat(actions).containsExactlyInAnyOrder("cloudfront:GetInvalidation", "cloudfront:CreateInvalidation");
            }
        });
        assertThat(json.ofType("AWS::IAM::Role").entrySet()).filteredOn(e -> TemplateJson.isConsoleDeployment(e.getKey()))
                .singleElement().satisfies(e -> assertThat(String.valueOf(e.getValue().get("ManagedPolicyArns")))
                        .endsWith(":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]]}]"));
    }
}
