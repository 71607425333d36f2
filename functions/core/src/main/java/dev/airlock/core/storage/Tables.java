package dev.airlock.core.storage;

import dev.airlock.core.storage.TableSchema.IndexSchema;
import dev.airlock.core.storage.TableSchema.KeyAttribute;
import dev.airlock.core.storage.TableSchema.KeyType;
import dev.airlock.core.storage.TableSchema.Projection;

import java.util.List;
import java.util.Optional;

/**
 * The two Airlock tables. This is the only definition: the SDK bootstrap, {@code infra/} and the
 * tests all derive their tables from it. Attribute names are constants so the adapters use the same
 * spelling.
 */
public final class Tables {

    // --- requests table -------------------------------------------------------------------------
    public static final String REQ_ID = "id";
    /** Present on every access request; listing by state. */
    public static final String REQ_STATE = "state";
    /** Present on every access request; listing by user. */
    public static final String REQ_USER = "user";
    /** Sort key of the listing indexes: ISO-8601 creation instant + '#' + id, so it sorts by time. */
    public static final String REQ_CREATED_KEY = "createdKey";
    /**
     * Shard of the sparse expiry index ("0".."N-1"). Written only while a request is PENDING or
     * APPROVED and removed on the move to a final state, so the index holds open requests only.
     */
    public static final String REQ_EXPIRY_SHARD = "expiryShard";
    /** Epoch second at which the open request becomes overdue (pending expiry or access expiry). */
    public static final String REQ_DUE_AT = "dueAt";
    /** DynamoDB TTL attribute (epoch seconds); used only by short-lived items such as idempotency records. */
    public static final String REQ_TTL = "ttl";

    /**
     * Partition of the sparse KRL index: written only on KRL entries (revoked certificates, issue 15),
     * one constant value so the whole KRL is one Query; revocations are rare and small.
     */
    public static final String REQ_KRL_PART = "krlPart";
    /** Epoch second after which no certificate of a KRL entry is valid; the KRL index's sort key. */
    public static final String REQ_KRL_UNTIL = "krlUntil";

    public static final String REQUESTS_BY_STATE = "byState";
    public static final String REQUESTS_BY_USER = "byUser";
    public static final String REQUESTS_BY_EXPIRY = "byExpiry";
    /** Sparse index of unexpired revocations: {@code krlPart = "krl" AND krlUntil > now} is the KRL. */
    public static final String REQUESTS_BY_KRL = "byKrl";
    /** Number of expiry shards; spreads the sweep's index partition so no single key is hot. */
    public static final int EXPIRY_SHARDS = 8;

    // --- audit table ----------------------------------------------------------------------------
    public static final String AUDIT_CHAIN = "chain";
    public static final String AUDIT_SEQ = "seq";
    /** UTC day (yyyy-MM-dd) of the record, partition key of the by-day index. */
    public static final String AUDIT_DAY = "day";
    /** ISO-8601 instant + '#' + chain + '#' + seq: sort key of the by-day index. */
    public static final String AUDIT_AT_KEY = "atKey";
    public static final String AUDIT_BY_DAY = "byDay";
    /** Serial of the certificate a {@code certificate.issued} record issued; only those records carry it. */
    public static final String AUDIT_SERIAL = "serial";
    /** Sparse index finding a certificate's issuance record by serial (certificate revocation). */
    public static final String AUDIT_BY_SERIAL = "bySerial";
    /** The holder of the certificate a {@code certificate.issued} record issued; only those records carry it. */
    public static final String AUDIT_CERT_HOLDER = "certHolder";
    /** Epoch second of that certificate's {@code validBefore}: the by-holder index's sort key. */
    public static final String AUDIT_CERT_UNTIL = "certUntil";
    /**
     * Sparse index of issuance records by holder, latest expiry first: {@code certHolder = :user AND
     * certUntil > :now} is a user's unexpired certificates ({@code GET /certificates}) and reads nothing else.
     */
    public static final String AUDIT_BY_HOLDER = "byHolder";

    public static final TableSchema REQUESTS = new TableSchema(
            "airlock-requests",
            new KeyAttribute(REQ_ID, KeyType.S),
            Optional.empty(),
            List.of(
                    new IndexSchema(REQUESTS_BY_STATE, new KeyAttribute(REQ_STATE, KeyType.S),
                            Optional.of(new KeyAttribute(REQ_CREATED_KEY, KeyType.S)), Projection.ALL, List.of()),
                    new IndexSchema(REQUESTS_BY_USER, new KeyAttribute(REQ_USER, KeyType.S),
                            Optional.of(new KeyAttribute(REQ_CREATED_KEY, KeyType.S)), Projection.ALL, List.of()),
                    new IndexSchema(REQUESTS_BY_EXPIRY, new KeyAttribute(REQ_EXPIRY_SHARD, KeyType.S),
                            Optional.of(new KeyAttribute(REQ_DUE_AT, KeyType.N)), Projection.KEYS_ONLY, List.of()),
                    new IndexSchema(REQUESTS_BY_KRL, new KeyAttribute(REQ_KRL_PART, KeyType.S),
                            Optional.of(new KeyAttribute(REQ_KRL_UNTIL, KeyType.N)), Projection.ALL, List.of())),
            Optional.of(REQ_TTL));

    public static final TableSchema AUDIT = new TableSchema(
            "airlock-audit",
            new KeyAttribute(AUDIT_CHAIN, KeyType.S),
            Optional.of(new KeyAttribute(AUDIT_SEQ, KeyType.N)),
            List.of(new IndexSchema(AUDIT_BY_DAY, new KeyAttribute(AUDIT_DAY, KeyType.S),
                            Optional.of(new KeyAttribute(AUDIT_AT_KEY, KeyType.S)), Projection.ALL, List.of()),
                    new IndexSchema(AUDIT_BY_SERIAL, new KeyAttribute(AUDIT_SERIAL, KeyType.S),
                            Optional.empty(), Projection.ALL, List.of()),
                    new IndexSchema(AUDIT_BY_HOLDER, new KeyAttribute(AUDIT_CERT_HOLDER, KeyType.S),
                            Optional.of(new KeyAttribute(AUDIT_CERT_UNTIL, KeyType.N)), Projection.ALL, List.of())),
            Optional.empty());

    public static final List<TableSchema> ALL = List.of(REQUESTS, AUDIT);

    private Tables() {
    }
}
