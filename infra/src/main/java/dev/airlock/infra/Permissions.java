package dev.airlock.infra;

import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.Routes;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what: the least-privilege table of function × resource × action. The stack turns
 * each row into an IAM statement on the function's own role, and the infra tests assert the
 * synthesized policies row by row, including what must be absent.
 *
 * <p>Why each function needs what it has (docs/ARCHITECTURE.md "Storage"): every state change is one
 * {@code TransactWriteItems} of a version-checked write of the request item plus a conditional put
 * of the audit record; IAM authorizes each item of a transaction by its own action
 * ({@code PutItem}, {@code UpdateItem}, {@code ConditionCheckItem}), there is no
 * {@code TransactWriteItems} action. Only {@code list} reads the audit table, and only request chains
 * ({@code GET /requests/{id}/audit}). The DynamoDB adapter writes request items, idempotency items
 * and chain heads ({@code chainhead#…}, advanced by appends to the CA and user chains) as
 * conditional {@code PutItem}s, hence {@code PutItem} on the requests table for every writer;
 * {@code UpdateItem}/{@code ConditionCheckItem} there are what the agreed design names and add no
 * power beyond {@code PutItem}. Role configuration items ({@code config#…}) are read with
 * {@code GetItem}. No one gets {@code Scan}, a wildcard, or anything but
 * {@code PutItem}/{@code ConditionCheckItem} on the audit table, and those only inside a
 * {@code TransactWriteItems} ({@link #IN_TRANSACT_WRITE}).
 */
public final class Permissions {

    /** What a grant applies to; the stack resolves each to ARNs. */
    public enum Target {
        /** The requests table itself. */
        REQUESTS_TABLE,
        /** Every index of the requests table (listing by state and by user). */
        REQUESTS_INDEXES,
        /** Only the sparse expiry index. */
        EXPIRY_INDEX,
        /** Only the sparse KRL index (unexpired revocations). */
        KRL_INDEX,
        /** Only the audit table's sparse by-serial index (issuance records, for certificate revocation). */
        AUDIT_SERIAL_INDEX,
        /** Only the audit table's sparse by-holder index (issuance records, for {@code GET /certificates}). */
        AUDIT_HOLDER_INDEX,
        /** The append-only audit table. */
        AUDIT_TABLE,
        /** The CA key in KMS. */
        CA_KEY,
        /** The Secrets Manager secret holding the key that signs list cursors. */
        CURSOR_KEY_SECRET,
        /** The audit table's stream (every stream ARN of the table: a stream re-enabled gets a new ARN). */
        AUDIT_STREAM,
        /** The audit key in KMS, which signs checkpoints. */
        AUDIT_KEY,
        /** The checkpoint objects ({@code checkpoints/*}) of the Object Lock bucket, not the bucket itself. */
        CHECKPOINT_OBJECTS,
        /** The Secrets Manager secret holding the notify function's webhook URLs and HMAC keys. */
        NOTIFY_SECRET
    }

    /**
     * Some actions on one target, allowed only where {@code conditions} hold (an IAM
     * {@code Condition} block: operator → key → value; empty for none).
     */
    public record Grant(Target target, List<String> actions, Map<String, Map<String, String>> conditions) {
        public Grant {
            actions = List.copyOf(actions);
            conditions = Map.copyOf(conditions);
        }

        public Grant(Target target, List<String> actions) {
            this(target, actions, Map.of());
        }
    }

    /**
     * Only as an item of a {@code TransactWriteItems}: DynamoDB sets {@code dynamodb:EnclosingOperation}
     * on each item's authorization inside a transaction and not on a standalone call, so a plain
     * {@code PutItem} on the audit table is denied (DynamoDB developer guide, "Using IAM with DynamoDB
     * transactions").
     */
    static final Map<String, Map<String, String>> IN_TRANSACT_WRITE =
            Map.of("StringEquals", Map.of("dynamodb:EnclosingOperation", "TransactWriteItems"));

    /**
     * Only items whose partition key is a request chain ({@code request#…}, core/audit/AuditChains):
     * {@code dynamodb:LeadingKeys} is the partition key values an operation touches (DynamoDB developer
     * guide, "Using IAM policy conditions for fine-grained access control").
     */
    static final Map<String, Map<String, String>> ONLY_REQUEST_CHAINS =
            Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", "request#*"));

    private static final String GET = "dynamodb:GetItem";
    private static final String PUT = "dynamodb:PutItem";
    private static final String UPDATE = "dynamodb:UpdateItem";
    private static final String CHECK = "dynamodb:ConditionCheckItem";
    private static final String QUERY = "dynamodb:Query";
    private static final Set<String> WRITES = Set.of(PUT, UPDATE, "dynamodb:DeleteItem");
    /**
     * What Lambda's event source mapping reads a stream with, as the function's role (Lambda developer
     * guide, "Using AWS Lambda with Amazon DynamoDB", execution role permissions).
     */
    public static final List<String> STREAM_READ = List.of(
            "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams");
    /**
     * A checkpoint object: {@code PutObjectRetention} is what S3 authorizes the object-lock headers of a
     * {@code PutObject} with (S3 API reference, PutObject, "x-amz-object-lock-mode"); under COMPLIANCE it
     * can only lengthen a retention, never shorten or remove it.
     */
    public static final List<String> CHECKPOINT_PUT = List.of("s3:PutObject", "s3:PutObjectRetention");

    /** The table itself. Every function of {@link Catalogue#names()} has a row. */
    public static final Map<String, List<Grant>> BY_FUNCTION = Map.of(
            // create (conditional put) and withdraw (DELETE /requests/{id}: conditional update)
            Routes.REQUEST, List.of(
                    new Grant(Target.REQUESTS_TABLE, List.of(GET, PUT, UPDATE, CHECK, QUERY)),
                    new Grant(Target.REQUESTS_INDEXES, List.of(QUERY)),
                    new Grant(Target.AUDIT_TABLE, List.of(PUT, CHECK), IN_TRANSACT_WRITE)),
            // read only; reads its cursor key once at start-up (never in its environment); reads request
            // chains of the audit table for GET /requests/{id}/audit, and only those (ONLY_REQUEST_CHAINS),
            // and the audit's by-holder index for GET /certificates (the caller's issuance records; KRL
            // entries by id with GetItem on the requests table)
            Routes.LIST, List.of(
                    new Grant(Target.REQUESTS_TABLE, List.of(GET, QUERY)),
                    new Grant(Target.REQUESTS_INDEXES, List.of(QUERY)),
                    new Grant(Target.AUDIT_TABLE, List.of(QUERY), ONLY_REQUEST_CHAINS),
                    new Grant(Target.AUDIT_HOLDER_INDEX, List.of(QUERY)),
                    new Grant(Target.CURSOR_KEY_SECRET, List.of("secretsmanager:GetSecretValue"))),
            // reviews, and request revocation: request + audit record + KRL entry (Put) + KRL version (Update)
            Routes.APPROVE, List.of(
                    new Grant(Target.REQUESTS_TABLE, List.of(GET, PUT, UPDATE, CHECK)),
                    new Grant(Target.AUDIT_TABLE, List.of(PUT, CHECK), IN_TRANSACT_WRITE)),
            // the serial bump is an approve-like transaction, a base-role certificate appends to the
            // user's chain (chain head in the requests table); the key is also gated by its policy.
            // Certificate revocation finds the issuance record by serial; GET /krl reads the KRL index.
            Routes.SIGN, List.of(
                    new Grant(Target.REQUESTS_TABLE, List.of(GET, PUT, UPDATE, CHECK)),
                    new Grant(Target.KRL_INDEX, List.of(QUERY)),
                    new Grant(Target.AUDIT_TABLE, List.of(PUT, CHECK), IN_TRANSACT_WRITE),
                    new Grant(Target.AUDIT_SERIAL_INDEX, List.of(QUERY)),
                    new Grant(Target.CA_KEY, CaKeyPolicy.SIGNER_ACTIONS)),
            // the sweep reads the expiry index only, then moves each request with its audit record;
            // it reads the KRL index for expired revocations and takes them out of it (UpdateItem);
            // it reads the state index for break-glass requests owed a post-review (the overdue metric)
            Routes.EXPIRE, List.of(
                    new Grant(Target.EXPIRY_INDEX, List.of(QUERY)),
                    new Grant(Target.REQUESTS_INDEXES, List.of(QUERY)),
                    new Grant(Target.KRL_INDEX, List.of(QUERY)),
                    new Grant(Target.REQUESTS_TABLE, List.of(GET, PUT, UPDATE)),
                    new Grant(Target.AUDIT_TABLE, List.of(PUT, CHECK), IN_TRANSACT_WRITE)),
            // reads the audit stream; keeps its checkpoint bookkeeping and the tamper chain's head in the
            // requests table, appends tamper records like every writer; signs with the audit key (also gated by
            // its policy) and puts each checkpoint into the anchor bucket (also gated by its policy)
            Routes.CHECKPOINT, List.of(
                    new Grant(Target.AUDIT_STREAM, STREAM_READ),
                    new Grant(Target.REQUESTS_TABLE, List.of(GET, PUT, UPDATE, CHECK)),
                    new Grant(Target.AUDIT_TABLE, List.of(PUT, CHECK), IN_TRANSACT_WRITE),
                    new Grant(Target.AUDIT_KEY, AuditKeyPolicy.SIGNER_ACTIONS),
                    new Grant(Target.CHECKPOINT_OBJECTS, CHECKPOINT_PUT)),
            // reads the audit stream and the configuration items (who reviews what, which event goes where);
            // writes no table, uses no key; reads its webhook secrets once at start-up
            Routes.NOTIFY, List.of(
                    new Grant(Target.AUDIT_STREAM, STREAM_READ),
                    new Grant(Target.REQUESTS_TABLE, List.of(GET)),
                    new Grant(Target.NOTIFY_SECRET, List.of("secretsmanager:GetSecretValue"))));

    private Permissions() {
    }

    /**
     * The functions (in {@link Catalogue#names()} order) with a write action on {@code target}: the
     * table resource policies deny writes to every other principal ({@link TablePolicies}).
     */
    public static List<String> writersOf(Target target) {
        return Catalogue.names().stream()
                .filter(function -> of(function).stream()
                        .anyMatch(g -> g.target() == target && g.actions().stream().anyMatch(WRITES::contains)))
                .toList();
    }

    /** The grants of one function; fails for a function the table does not know. */
    public static List<Grant> of(String function) {
        List<Grant> grants = BY_FUNCTION.get(function);
        if (grants == null) {
            throw new IllegalArgumentException("no permissions defined for function " + function);
        }
        return grants;
    }
}
