package dev.stowage.stage;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.ConnectionDefinition;
import dev.stowage.connection.StorageType;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.Location;
import dev.stowage.format.OptionValue;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves {@code CONNECTION = (...)} for a location, as every statement that names storage does (CREATE STAGE, a
 * URI in FROM, INFER_SCHEMA): either {@code CONNECTION_NAME} alone, whose parameters are copied, or inline
 * parameters, validated for the location's storage type.
 */
public final class ConnectionParameters {
    private ConnectionParameters() {
    }

    /**
     * Returns the storage parameters for {@code location}. Local {@code fs} locations ignore every option, as
     * Databend does.
     *
     * @param subject what the statement does, for messages, e.g. {@code create stage 's'}
     * @throws StowageException {@link ErrorCode#INVALID_PARAMETER} for a missing connection, a protocol mismatch or
     *     CONNECTION_NAME mixed with other options; {@link ErrorCode#SYNTAX} for an unquoted value
     */
    public static Map<String, String> resolve(Catalog catalog, Location location, Map<String, OptionValue> options,
                                              String subject) {
        if (location.type() == StorageType.FS) {
            return Map.of();
        }
        OptionValue connectionName = options.get("connection_name");
        if (connectionName != null) {
            if (options.size() > 1) {
                throw invalid(subject, "connection_name can not be used with other connection options");
            }
            String name = connectionName.text();
            ConnectionDefinition connection = catalog.connection(name).orElseThrow(() -> invalid(subject,
                    "fail to get connection_name " + name + ": Connection '" + name + "' does not exist."));
            StorageType type = StorageType.fromName(connection.storageType(), subject);
            if (type != location.type()) {
                throw invalid(subject, "protocol from connection_name=" + name + " (" + connection.storageType()
                        + ") not match with uri protocol (" + location.type().scheme() + ").");
            }
            return connection.parameters();
        }
        Map<String, String> parameters = new TreeMap<>();
        options.forEach((key, value) -> {
            boolean bareBoolean = value.kind() == OptionValue.Kind.BOOLEAN && key.equals("enable_virtual_host_style");
            if (value.kind() != OptionValue.Kind.STRING && !bareBoolean) {
                throw new StowageException(ErrorCode.SYNTAX, "Connection option %s takes a quoted string value.",
                        key.toUpperCase(Locale.ROOT));
            }
            parameters.put(key, value.text());
        });
        location.type().validate(parameters, subject);
        return parameters;
    }

    private static StowageException invalid(String subject, String detail) {
        return new StowageException(ErrorCode.INVALID_PARAMETER, "Cannot %s: invalid input parameter (%s)", subject,
                detail);
    }
}
