package dev.stowage.table;

import dev.stowage.connection.StorageParameter;
import dev.stowage.connection.StorageType;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Databend's {@code StorageParams::apply_update} for {@code ALTER TABLE … CONNECTION}: only the credentials of the
 * new parameters replace the old ones; endpoint, region, bucket and root are kept.
 */
public final class CredentialUpdate {
    private static final Map<StorageType, Set<String>> CREDENTIALS = Map.of(
            StorageType.S3, Set.of("access_key_id", "secret_access_key", "session_token", "role_arn", "external_id",
                    "master_key"),
            StorageType.AZBLOB, Set.of("account_name", "account_key"),
            StorageType.GCS, Set.of("credential"));

    private CredentialUpdate() {
    }

    /**
     * Returns {@code current} with its credentials replaced by those of {@code update}; a credential {@code update}
     * lacks is removed, as Databend copies each credential field whether set or not.
     *
     * @throws StowageException {@link ErrorCode#INVALID_PARAMETER} when {@code type} has no credentials to rebind
     */
    public static SortedMap<String, String> apply(StorageType type, Map<String, String> current,
                                                  Map<String, String> update) {
        Set<String> credentials = CREDENTIALS.get(type);
        if (credentials == null) {
            throw new StowageException(ErrorCode.INVALID_PARAMETER,
                    "Cannot apply update from %s to %s: only s3, azblob and gcs tables can alter their connection.",
                    type.scheme(), type.scheme());
        }
        SortedMap<String, String> next = new TreeMap<>(current);
        for (StorageParameter parameter : type.parameters()) {
            if (!credentials.contains(parameter.key())) {
                continue;
            }
            parameter.spellings().forEach(next::remove);
            for (String spelling : parameter.spellings()) {
                String value = update.get(spelling);
                if (value != null) {
                    next.put(spelling, value);
                    break;
                }
            }
        }
        return next;
    }
}
