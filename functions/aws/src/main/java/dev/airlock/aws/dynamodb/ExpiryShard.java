package dev.airlock.aws.dynamodb;

import dev.airlock.core.storage.Tables;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The expiry-index shard of a request: CRC-32 of its id modulo {@link Tables#EXPIRY_SHARDS}. Stable
 * across JVMs and releases (unlike an object hash), so a request always lands in the same shard, and
 * spread evenly enough that no index partition is hot (DynamoDB "Using write sharding to distribute
 * workloads evenly").
 */
final class ExpiryShard {

    private ExpiryShard() {
    }

    static String of(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue() % Tables.EXPIRY_SHARDS);
    }

    /** Every shard value, "0" .. "N-1". */
    static String[] all() {
        String[] shards = new String[Tables.EXPIRY_SHARDS];
        for (int i = 0; i < shards.length; i++) {
            shards[i] = Integer.toString(i);
        }
        return shards;
    }
}
