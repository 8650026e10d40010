package dev.stowage.catalog.file;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stowage.catalog.CatalogState;
import dev.stowage.catalog.ConnectionDefinition;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.secret.SecretKeys;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a {@link CatalogState} into the bytes of the catalog file and back. Secret parameter values are encrypted
 * with {@link SecretCipher}; everything else is stored as plain JSON.
 */
final class CatalogFileCodec {
    /** The layout version this code writes; files with a higher version were written by a newer release. */
    static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final SecretCipher cipher;

    CatalogFileCodec(SecretCipher cipher) {
        this.cipher = cipher;
    }

    record FileLayout(@JsonProperty("format_version") int formatVersion,
                      @JsonProperty("connections") List<ConnectionEntry> connections) {
    }

    record ConnectionEntry(@JsonProperty("name") String name,
                           @JsonProperty("storage_type") String storageType,
                           @JsonProperty("storage_params") Map<String, String> storageParams) {
    }

    byte[] encode(CatalogState state) {
        List<ConnectionEntry> connections = new ArrayList<>();
        for (ConnectionDefinition connection : state.connections().values()) {
            Map<String, String> params = new TreeMap<>();
            connection.parameters().forEach((key, value) -> params.put(key,
                    SecretKeys.isSecret(key) ? cipher.encrypt(value, associatedData(connection.name(), key)) : value));
            connections.add(new ConnectionEntry(connection.name(), connection.storageType(), params));
        }
        try {
            return MAPPER.writeValueAsBytes(new FileLayout(FORMAT_VERSION, connections));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog state cannot be written as JSON", e);
        }
    }

    CatalogState decode(byte[] bytes, String file) {
        FileLayout layout;
        try {
            layout = MAPPER.readValue(bytes, FileLayout.class);
        } catch (JsonProcessingException e) {
            throw new StowageException(ErrorCode.CATALOG_UNREADABLE,
                    "The catalog file %s is not valid: %s", file, e.getOriginalMessage());
        } catch (IOException e) {
            throw new StowageException(ErrorCode.CATALOG_IO, e, "Cannot read the catalog file %s", file);
        }
        if (layout == null) {
            throw new StowageException(ErrorCode.CATALOG_UNREADABLE, "The catalog file %s is empty.", file);
        }
        if (layout.formatVersion() > FORMAT_VERSION) {
            throw new StowageException(ErrorCode.CATALOG_UNREADABLE,
                    "The catalog file %s has format version %d; this driver reads versions up to %d. Upgrade Stowage.",
                    file, layout.formatVersion(), FORMAT_VERSION);
        }
        TreeMap<String, ConnectionDefinition> connections = new TreeMap<>();
        for (ConnectionEntry entry : layout.connections() == null ? List.<ConnectionEntry>of() : layout.connections()) {
            Map<String, String> params = new TreeMap<>();
            Map<String, String> stored = entry.storageParams() == null ? Map.of() : entry.storageParams();
            stored.forEach((key, value) -> params.put(key,
                    SecretKeys.isSecret(key) ? decrypt(value, entry.name(), key, file) : value));
            connections.put(entry.name(), ConnectionDefinition.of(entry.name(), entry.storageType(), params));
        }
        return new CatalogState(connections);
    }

    private String decrypt(String value, String connection, String key, String file) {
        try {
            return cipher.decrypt(value, associatedData(connection, key));
        } catch (GeneralSecurityException e) {
            throw new StowageException(ErrorCode.CATALOG_UNREADABLE,
                    "Cannot decrypt parameter %s of connection '%s' in %s: the master key differs from the one it was"
                            + " written with (set %s or restore %s).",
                    key, connection, file, MasterKey.ENVIRONMENT_VARIABLE, MasterKey.FILE_NAME);
        }
    }

    private static String associatedData(String connection, String key) {
        return "connection\u0000" + connection + "\u0000" + key;
    }
}
