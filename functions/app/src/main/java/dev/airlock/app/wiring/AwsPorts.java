package dev.airlock.app.wiring;

import dev.airlock.app.aws.AwsClients;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.config.CursorKey;
import dev.airlock.aws.dynamodb.CursorCodec;
import dev.airlock.aws.dynamodb.DynamoDbAccessRequestStore;
import dev.airlock.aws.dynamodb.DynamoDbIssuedCertificates;
import dev.airlock.aws.dynamodb.DynamoDbRevocationStore;
import dev.airlock.aws.dynamodb.DynamoDbAuditLog;
import dev.airlock.aws.dynamodb.DynamoDbRoleCatalog;
import dev.airlock.aws.dynamodb.RoleConfigStore;
import dev.airlock.aws.dynamodb.TableNames;
import dev.airlock.aws.kms.KmsCertificateAuthority;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.AuditLog;
import dev.airlock.core.port.IssuedCertificateLookup;
import dev.airlock.core.port.RevocationStore;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.core.usecase.RegisterCaKey;
import dev.airlock.core.usecase.RegisteredCertificateAuthority;
import dev.airlock.ssh.CertificateAuthority;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ports over DynamoDB and KMS. Clients and adapters are built on first use and kept for the life
 * of the process (the function beans ask for them while the context starts, outside any handler).
 */
public final class AwsPorts implements Ports, AutoCloseable {

    /** Who a {@code ca.key_registered} record written on the key's first signature names. */
    public static final String CA_ACTOR = "sign";

    private final AirlockConfig config;
    private final Clock clock;
    private final AwsClients clients;
    private final TableNames tables;
    private final Memo<DynamoDbClient> dynamoDb;
    private final Memo<KmsClient> kms;
    private final Supplier<DynamoDbAccessRequestStore> store;
    private final Supplier<AuditLog> auditLog;
    private final Supplier<RoleCatalog> roleCatalog;
    private final Supplier<CertificateAuthority> ca;
    private final Supplier<RevocationStore> revocations;
    private final Supplier<IssuedCertificateLookup> issued;

    public AwsPorts(AirlockConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clients = new AwsClients(config);
        this.tables = new TableNames(config.requestsTable(), config.auditTable());
        this.dynamoDb = Memo.of(clients::dynamoDb);
        this.kms = Memo.of(clients::kms);
        this.store = Memo.of(() -> new DynamoDbAccessRequestStore(dynamoDb.get(), tables, cursors(), clock));
        this.auditLog = Memo.of(() -> new DynamoDbAuditLog(dynamoDb.get(), tables, clock));
        this.roleCatalog = Memo.of(() -> new DynamoDbRoleCatalog(new RoleConfigStore(dynamoDb.get(), tables, clock),
                clock, config.roleCacheTtl()));
        this.ca = Memo.of(this::registeredCa);
        this.revocations = Memo.of(() -> new DynamoDbRevocationStore(dynamoDb.get(), tables,
                store.get()));
        this.issued = Memo.of(() -> new DynamoDbIssuedCertificates(dynamoDb.get(), tables, cursors()));
    }

    @Override
    public AccessRequestStore store() {
        return store.get();
    }

    @Override
    public AuditLog auditLog() {
        return auditLog.get();
    }

    @Override
    public RoleCatalog roleCatalog() {
        return roleCatalog.get();
    }

    @Override
    public CertificateAuthority certificateAuthority() {
        return ca.get();
    }

    @Override
    public RevocationStore revocations() {
        return revocations.get();
    }

    @Override
    public IssuedCertificateLookup issuedCertificates() {
        return issued.get();
    }

    /** Whether the KMS client was built (a test checks that only {@code sign} builds it). */
    public boolean kmsClientBuilt() {
        return kms.isBuilt();
    }

    /** Whether the DynamoDB client was built. */
    public boolean dynamoDbClientBuilt() {
        return dynamoDb.isBuilt();
    }

    /**
     * The KMS CA, which signs nothing before the {@code ca} chain's newest record names its key (the
     * first signature of the process registers it: in AWS the CDK creates the key, so its first use
     * is where Airlock first sees it; docs/AUDIT.md).
     */
    private CertificateAuthority registeredCa() {
        KmsCertificateAuthority kmsCa = new KmsCertificateAuthority(kms.get(), config.caKeyId());
        return new RegisteredCertificateAuthority(kmsCa, kmsCa::describe, new RegisterCaKey(auditLog.get()), CA_ACTOR);
    }

    /**
     * The cursor codec. Only {@code list} hands out and reads cursors, so only it needs the shared
     * key ({@link CursorKeys}: given locally, or read once from Secrets Manager while the context
     * starts); the store of any other function gets a random key of its own, which can neither read
     * nor forge a real cursor.
     */
    private CursorCodec cursors() {
        Optional<CursorKey> key = CursorKeys.resolve(config, clients::secretsManager);
        if (key.isPresent()) {
            return new CursorCodec(key.get().bytes());
        }
        byte[] throwaway = new byte[CursorCodec.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(throwaway);
        return new CursorCodec(throwaway);
    }

    @Override
    public void close() {
        if (dynamoDbClientBuilt()) {
            dynamoDb.get().close();
        }
        if (kmsClientBuilt()) {
            kms.get().close();
        }
        clients.close();
    }
}
