package dev.airlock.infra;

import dev.airlock.core.api.Route;
import dev.airlock.core.api.Routes;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The review console in AWS: its plain files (the repository's {@code functions/console/} directory) in a
 * private S3 bucket (public access blocked, TLS-only policy) behind a CloudFront distribution that
 * reads the bucket with origin access control, answers HTTPS only, and adds the security headers to
 * every response (a Content-Security-Policy with no inline script and no third-party origin, HSTS,
 * nosniff, no referrer, no framing).
 *
 * <p>The same distribution forwards the API's paths (every route of {@link Routes#ALL}) to the HTTP
 * API, uncached and with the {@code Authorization} header, so the console calls its API on its own
 * origin: no CORS, and {@code connect-src} needs only {@code 'self'} and the identity provider.
 */
public final class Console extends Construct {

    /** The settings file the console reads next to index.html (functions/console/assets/config.js). */
    public static final String SETTINGS_FILE = "console-config.json";

    /** Deployment values: where the files are, the issuer, the console's client id, further IdP origins. */
    public record Settings(Path directory, String issuer, String clientId, String identityOrigins) {
    }

    private final Distribution distribution;

    public Console(Construct scope, String id, Settings settings, String apiUrl) {
        super(scope, id);
        if (!Files.isRegularFile(settings.directory().resolve("index.html"))) {
            throw new IllegalArgumentException("the console's files are not in " + settings.directory()
                    + " (expected index.html there)");
        }
        Bucket bucket = Bucket.Builder.create(this, "Files")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .encryption(BucketEncryption.S3_MANAGED)
                .build();
        ResponseHeadersPolicy headers = securityHeaders(settings);
        this.distribution = Distribution.Builder.create(this, "Distribution")
                .comment("Airlock review console")
                .defaultRootObject("index.html")
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .responseHeadersPolicy(headers)
                        .build())
                .additionalBehaviors(apiBehaviors(apiUrl, headers))
                .build();
        BucketDeployment.Builder.create(this, "Deploy")
                .destinationBucket(bucket)
                .sources(List.of(Source.asset(settings.directory().toAbsolutePath().toString()),
                        Source.jsonData(SETTINGS_FILE, Map.of("apiUrl", "", "issuer", settings.issuer(),
                                "clientId", settings.clientId(), "scopes", "openid"))))
                .distribution(distribution)
                .distributionPaths(List.of("/*"))
                .build();
    }

    /** {@code https://<distribution>/}: where reviewers open the console. */
    public String url() {
        return "https://" + distribution.getDistributionDomainName() + "/";
    }

    public Distribution distribution() {
        return distribution;
    }

    /** The header policy; the CSP's connect-src is this origin, the issuer's origin and any further IdP origins. */
    static ResponseHeadersPolicy securityHeaders(Construct scope, Settings settings) {
        String issuerOrigin = Fn.join("", List.of("https://", Fn.select(2, Fn.split("/", settings.issuer()))));
        String csp = Fn.join("", List.of("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                + "connect-src 'self' ", issuerOrigin, " ", settings.identityOrigins(),
                "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"));
        return ResponseHeadersPolicy.Builder.create(scope, "SecurityHeaders")
                .comment("Airlock console: CSP, HSTS, nosniff, no referrer, no framing")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                                .contentSecurityPolicy(csp).override(true).build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                        .frameOptions(ResponseHeadersFrameOptions.builder()
                                .frameOption(HeadersFrameOption.DENY).override(true).build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.NO_REFERRER).override(true).build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.days(730)).includeSubdomains(true).override(true).build())
                        .build())
                .build();
    }

    private ResponseHeadersPolicy securityHeaders(Settings settings) {
        return securityHeaders(this, settings);
    }

    /**
     * One behavior per distinct API path pattern ({@code /requests*}, {@code /certificates*}, …):
     * not cached, every viewer header but Host forwarded (the API's own host name must reach it).
     */
    private static Map<String, BehaviorOptions> apiBehaviors(String apiUrl, ResponseHeadersPolicy headers) {
        HttpOrigin api = HttpOrigin.Builder.create(Fn.select(2, Fn.split("/", apiUrl)))
                .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY).build();
        BehaviorOptions behavior = BehaviorOptions.builder()
                .origin(api)
                .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachePolicy(CachePolicy.CACHING_DISABLED)
                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                .responseHeadersPolicy(headers)
                .build();
        Map<String, BehaviorOptions> behaviors = new LinkedHashMap<>();
        apiPathPatterns().forEach(pattern -> behaviors.put(pattern, behavior));
        return behaviors;
    }

    /** The first segment of every route as a CloudFront path pattern ({@code /requests*}), and the discovery path. */
    static Set<String> apiPathPatterns() {
        Set<String> patterns = new LinkedHashSet<>();
        for (Route route : Routes.ALL) {
            String first = route.pathTemplate().split("/")[1];
            patterns.add("/" + first + "*");
        }
        patterns.add("/.well-known/airlock");
        return patterns;
    }
}
