package dev.stowage.fileio.opendal;

import dev.stowage.connection.StorageType;
import dev.stowage.fileio.Location;
import dev.stowage.fileio.StorageException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Translates a location and a connection's Databend parameters into an OpenDAL service configuration.
 *
 * <p>Every configuration turns credential auto-loading off: a connection uses only what the user declared, never
 * environment variables, profile files or cloud metadata endpoints. Only keys listed here reach OpenDAL, which
 * silently ignores keys it does not know.
 *
 * @param scheme the OpenDAL service name
 * @param options the service options
 */
record OpenDalConfig(String scheme, Map<String, String> options) {
    static final String DEFAULT_S3_ENDPOINT = "https://s3.amazonaws.com";
    static final String DEFAULT_GCS_ENDPOINT = "https://storage.googleapis.com";
    static final String DEFAULT_REGION = "us-east-1";

    static OpenDalConfig of(Location location, Map<String, String> parameters) throws StorageException {
        Parameters given = new Parameters(parameters);
        Map<String, String> options = new HashMap<>();
        String root = location.root();
        switch (location.type()) {
            case S3 -> {
                options.put("bucket", location.bucket());
                options.put("root", root);
                options.put("endpoint", endpoint(given.get("endpoint_url"), DEFAULT_S3_ENDPOINT));
                String region = given.get("region");
                options.put("region", region == null || region.isEmpty() ? DEFAULT_REGION : region);
                given.copy(options, "access_key_id", "access_key_id", "aws_key_id");
                given.copy(options, "secret_access_key", "secret_access_key", "aws_secret_key");
                given.copy(options, "session_token", "session_token", "aws_token", "security_token");
                given.copy(options, "role_arn", "role_arn", "aws_role_arn");
                given.copy(options, "external_id", "external_id", "aws_external_id");
                options.put("enable_virtual_host_style",
                        String.valueOf("true".equals(given.get("enable_virtual_host_style"))));
                options.put("disable_config_load", "true");
                options.put("disable_ec2_metadata", "true");
                if (!options.containsKey("access_key_id") && !options.containsKey("role_arn")) {
                    options.put("allow_anonymous", "true");
                }
            }
            case AZBLOB -> {
                options.put("container", location.bucket());
                options.put("root", root);
                options.put("endpoint", endpoint(given.get("endpoint_url"), null));
                given.copy(options, "account_name", "account_name");
                given.copy(options, "account_key", "account_key");
                if (!options.containsKey("account_key")) {
                    // without a key the Azure client asks the instance metadata service for a token
                    throw new StorageException(StorageException.Kind.INVALID_CONFIGURATION, "Storage " + location
                            + " needs account_key: azblob access without a key is not supported.");
                }
            }
            case GCS -> {
                options.put("bucket", location.bucket());
                options.put("root", root);
                options.put("endpoint", endpoint(given.get("endpoint_url"), DEFAULT_GCS_ENDPOINT));
                given.copy(options, "credential", "credential");
                options.put("disable_config_load", "true");
                options.put("disable_vm_metadata", "true");
                if (!options.containsKey("credential")) {
                    options.put("allow_anonymous", "true");
                }
            }
            case OSS -> {
                options.put("bucket", location.bucket());
                options.put("root", root);
                String endpoint = endpoint(given.get("endpoint_url"), null);
                options.put("endpoint", endpoint);
                given.copy(options, "access_key_id", "access_key_id");
                given.copy(options, "access_key_secret", "access_key_secret");
                if (isAddressHost(endpoint)) {
                    // bucket.<ip> cannot resolve; an address endpoint (a local or private gateway) takes path style
                    options.put("addressing_style", "path");
                }
                if (!options.containsKey("access_key_id")) {
                    options.put("allow_anonymous", "true");
                }
            }
            case COS -> {
                options.put("bucket", location.bucket());
                options.put("root", root);
                options.put("endpoint", endpoint(given.get("endpoint_url"), null));
                given.copy(options, "secret_id", "secret_id");
                given.copy(options, "secret_key", "secret_key");
                options.put("disable_config_load", "true");
            }
            case OBS -> {
                options.put("bucket", location.bucket());
                options.put("root", root);
                options.put("endpoint", endpoint(given.get("endpoint_url"), null));
                given.copy(options, "access_key_id", "access_key_id");
                given.copy(options, "secret_access_key", "secret_access_key");
            }
            case WEBHDFS -> {
                boolean https = !"false".equals(given.get("https"));
                options.put("endpoint", (https ? "https://" : "http://") + location.bucket());
                options.put("root", root);
                given.copy(options, "delegation", "delegation");
                given.copy(options, "user_name", "user_name");
                options.put("disable_list_batch", String.valueOf(!"false".equals(given.get("disable_list_batch"))));
            }
            case MEMORY -> options.put("root", root);
            default -> throw new StorageException(StorageException.Kind.UNSUPPORTED,
                    "Storage type " + location.type().scheme() + " is not served by OpenDAL in Stowage.");
        }
        return new OpenDalConfig(location.type().scheme(), options);
    }

    /** Returns {@code value} with {@code https://} prepended when it has no scheme, or the default when empty. */
    static String endpoint(String value, String defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? value : "https://" + value;
    }

    private static boolean isAddressHost(String endpoint) {
        try {
            String host = URI.create(endpoint).getHost();
            return host != null && (host.equals("localhost") || host.matches("[0-9.]+") || host.contains(":"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A connection's parameters, looked up by any of a parameter's spellings. */
    private record Parameters(Map<String, String> values) {
        String get(String... spellings) {
            for (String spelling : spellings) {
                String value = values.get(spelling);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        void copy(Map<String, String> target, String openDalKey, String... spellings) {
            String value = get(spellings);
            if (value != null && !value.isEmpty()) {
                target.put(openDalKey, value);
            }
        }
    }

    @Override
    public String toString() {
        return "OpenDalConfig[" + scheme + "]";
    }
}
