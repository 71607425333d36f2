package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CreateAlias, UpdateAlias, DeleteAlias and ListAliases. Alias names follow the CreateAlias API
 * reference: {@code alias/} then letters, digits, {@code / _ -}; the {@code alias/aws/} prefix is
 * reserved for AWS managed keys (of which the embedded KMS has none).
 */
final class AliasOperations {

    /** AliasNameType: 1..256 characters of this pattern (API model); what else is allowed is narrower. */
    private static final Pattern MODEL_PATTERN = Pattern.compile("^[a-zA-Z0-9:/_-]+$");
    private static final Pattern ALIAS_NAME = Pattern.compile("^alias/[a-zA-Z0-9/_-]+$");
    private static final String RESERVED_PREFIX = "alias/aws/";
    private static final int ALIAS_NAME_MAX = 256;
    private static final int KEY_ID_MAX = 2048;
    private static final int MARKER_MAX = 1024;
    /** ListAliases: Limit 1..100, default 50. */
    private static final int LIST_MAX = 100;
    private static final int LIST_DEFAULT = 50;

    private final KmsStore store;
    private final KmsNames names;
    private final KeyResolver resolver;

    AliasOperations(KmsStore store, KmsNames names, KeyResolver resolver) {
        this.store = store;
        this.names = names;
        this.resolver = resolver;
    }

    ObjectNode createAlias(KmsRequest request) throws AwsServiceException {
        String name = aliasName(request);
        String target = request.requiredString("TargetKeyId", 1, KEY_ID_MAX);
        store.write((current, now) -> {
            if (current.aliases().containsKey(name)) {
                throw KmsErrors.alreadyExists("An alias with the name " + names.aliasArn(name) + " already exists");
            }
            KmsKey key = usableTarget(current, now, target);
            return new KmsStore.Result<>(current.withAlias(new KmsAlias(name, key.keyId(), now, now)), name);
        });
        return KmsJson.object();
    }

    ObjectNode updateAlias(KmsRequest request) throws AwsServiceException {
        String name = aliasName(request);
        String target = request.requiredString("TargetKeyId", 1, KEY_ID_MAX);
        store.write((current, now) -> {
            KmsAlias alias = existing(current, now, name);
            KmsKey key = usableTarget(current, now, target);
            return new KmsStore.Result<>(current.withAlias(alias.retargeted(key.keyId(), now)), name);
        });
        return KmsJson.object();
    }

    ObjectNode deleteAlias(KmsRequest request) throws AwsServiceException {
        String name = aliasName(request);
        store.write((current, now) -> {
            existing(current, now, name);
            return new KmsStore.Result<>(current.withoutAlias(name), name);
        });
        return KmsJson.object();
    }

    ObjectNode listAliases(KmsRequest request) throws AwsServiceException {
        Optional<String> keyId = request.string("KeyId", 1, KEY_ID_MAX);
        int limit = request.integer("Limit", 1, LIST_MAX).orElse(LIST_DEFAULT);
        Optional<String> marker = request.string("Marker", 1, MARKER_MAX);
        KmsState state = store.read();
        Instant now = store.now();
        List<KmsAlias> aliases = state.aliases(now);
        if (keyId.isPresent()) {
            String target = resolver.resolve(state, now, keyId.get(), KeyResolver.Accepts.KEY_ONLY).keyId();
            aliases = aliases.stream().filter(alias -> alias.targetKeyId().equals(target)).toList();
        }
        Page<KmsAlias> page = Page.of(aliases, KmsAlias::name, limit, marker);
        ObjectNode response = KmsJson.object();
        ArrayNode list = response.putArray("Aliases");
        for (KmsAlias alias : page.items()) {
            list.addObject()
                    .put("AliasName", alias.name())
                    .put("AliasArn", names.aliasArn(alias.name()))
                    .put("TargetKeyId", alias.targetKeyId())
                    .put("CreationDate", KmsJson.epochSeconds(alias.creationDate()))
                    .put("LastUpdatedDate", KmsJson.epochSeconds(alias.lastUpdatedDate()));
        }
        page.writeTo(response);
        return response;
    }

    private KmsAlias existing(KmsState state, Instant now, String name) throws AwsServiceException {
        return state.alias(name, now)
                .orElseThrow(() -> KmsErrors.notFound("Alias " + names.aliasArn(name) + " is not found."));
    }

    /** An alias points at a key (never another alias) that is Enabled or Disabled, not pending deletion. */
    private KmsKey usableTarget(KmsState state, Instant now, String target) throws AwsServiceException {
        if (names.parse(target).kind() == KmsNames.Kind.ALIAS_NAME) {
            throw KmsErrors.validation("Aliases must refer to keys. Not aliases");
        }
        KmsKey key = resolver.resolve(state, now, target, KeyResolver.Accepts.KEY_ONLY);
        if (key.state() == KeyState.PENDING_DELETION) {
            throw KmsErrors.invalidState(names.keyArn(key.keyId()) + " is pending deletion.");
        }
        return key;
    }

    /**
     * Checks an alias name: the model's pattern, then the rules of the CreateAlias page. The errors
     * for a missing prefix and for ':' (ValidationException) are those other emulators report from
     * AWS; the reserved prefix and an empty name raise the documented InvalidAliasNameException.
     */
    private static String aliasName(KmsRequest request) throws AwsServiceException {
        String name = request.requiredString("AliasName", 1, ALIAS_NAME_MAX);
        if (!MODEL_PATTERN.matcher(name).matches()) {
            throw KmsRequest.constraint("AliasName", name,
                    "Member must satisfy regular expression pattern: " + MODEL_PATTERN.pattern());
        }
        if (!name.startsWith(KmsNames.ALIAS_PREFIX)) {
            throw KmsErrors.validation("Alias must start with the prefix \"alias/\": " + name);
        }
        if (name.contains(":")) {
            throw KmsErrors.validation(name + " contains invalid characters for an alias");
        }
        if (!ALIAS_NAME.matcher(name).matches()) {
            throw KmsErrors.invalidAliasName("An alias name needs characters after \"alias/\": " + name);
        }
        if (name.startsWith(RESERVED_PREFIX)) {
            throw KmsErrors.invalidAliasName("The alias/aws/ prefix is reserved for AWS managed keys: " + name);
        }
        return name;
    }
}
