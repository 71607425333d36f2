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
import dev.airlock.aws.dynamodb.DynamoDbCheckpointStore;
import dev.airlock.aws.kms.KmsCertificateAuthority;
import dev.airlock.aws.kms.KmsCheckpointSigner;
import dev.airlock.aws.s3.S3CheckpointAnchor;
import dev.airlock.app.config.CheckpointSettings;
import dev.airlock.core.port.CheckpointAnchor;
import dev.airlock.core.port.CheckpointSigner;
import dev.airlock.core.port.CheckpointStore;
import dev.airlock.aws.dynamodb.NotificationConfigItemStore;
import dev.airlock.aws.notify.FileNotifySecrets;
import dev.airlock.aws.notify.HttpNotificationSender;
import dev.airlock.aws.notify.SecretsManagerNotifySecrets;
import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.core.port.NotificationConfigStore;
import dev.airlock.core.port.NotificationSender;
import dev.airlock.core.port.NotifySecrets;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
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
import software.amazon.awssdk.services.s3.S3Client;

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
    private final Memo<S3Client> s3;
    private final Supplier<CheckpointStore> checkpointStore;
    private final Supplier<CheckpointSigner> checkpointSigner;
    private final Supplier<CheckpointAnchor> checkpointAnchor;
    private final Supplier<NotificationConfigStore> notificationConfigs;
    private final Memo<SecretsManagerClient> secretsManager;
    private final Supplier<NotificationSender> notificationSender;

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
        this.s3 = Memo.of(clients::s3);
        this.checkpointStore = Memo.of(() -> new DynamoDbCheckpointStore(dynamoDb.get(), tables, clock));
        this.checkpointSigner = Memo.of(() -> new KmsCheckpointSigner(kms.get(), checkpointSettings().auditKeyId()));
        this.checkpointAnchor = Memo.of(() -> new S3CheckpointAnchor(s3.get(), checkpointSettings().bucket(),
                checkpointSettings().retention(), clock));
        this.notificationConfigs = Memo.of(() -> new NotificationConfigItemStore(dynamoDb.get(), tables, clock));
        this.secretsManager = Memo.of(clients::secretsManager);
        this.notificationSender = Memo.of(() -> new HttpNotificationSender(notifySecrets(), clock));
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

    @Override
    public CheckpointStore checkpointStore() {
        return checkpointStore.get();
    }

    @Override
    public CheckpointSigner checkpointSigner() {
        return checkpointSigner.get();
    }

    @Override
    public CheckpointAnchor checkpointAnchor() {
        return checkpointAnchor.get();
    }

    private CheckpointSettings checkpointSettings() {
        return config.checkpoint().orElseThrow(() -> new IllegalStateException("the checkpoint function is not "
                + "configured: set " + dev.airlock.core.config.EnvironmentNames.CHECKPOINT_BUCKET + " and "
                + dev.airlock.core.config.EnvironmentNames.AUDIT_KEY_ID));
    }

    @Override
    public NotificationConfigStore notificationConfigs() {
        return notificationConfigs.get();
    }

    @Override
    public NotificationSender notificationSender() {
        return notificationSender.get();
    }

    /** Secrets Manager in AWS, the 0600 file locally; none configured: every delivery fails, naming the variables. */
    private NotifySecrets notifySecrets() {
        return config.notifications().<NotifySecrets>map(settings -> settings.secretArn()
                .<NotifySecrets>map(arn -> new SecretsManagerNotifySecrets(secretsManager.get(), arn, clock))
                .orElseGet(() -> new FileNotifySecrets(settings.secretFile().orElseThrow())))
                .orElse(name -> {
                    throw new IllegalStateException("no notify secrets configured: set "
                            + EnvironmentNames.NOTIFY_SECRETS_ARN + " or " + EnvironmentNames.NOTIFY_SECRETS_FILE);
                });
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
        if (s3.isBuilt()) {
            s3.get().close();
        }
        if (secretsManager.isBuilt()) {
            secretsManager.get().close();
        }
        clients.close();
    }
}
