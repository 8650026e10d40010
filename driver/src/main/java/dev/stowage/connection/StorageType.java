package dev.stowage.connection;

import static dev.stowage.connection.StorageParameter.flag;
import static dev.stowage.connection.StorageParameter.optional;
import static dev.stowage.connection.StorageParameter.required;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The storage services a connection can reach, with the parameters each accepts (Databend's rules: an unknown
 * key is rejected, two spellings of one parameter are rejected, some types require {@code endpoint_url}).
 */
public enum StorageType {
    S3(List.of("s3"), true, List.of(
            optional("endpoint_url"),
            optional("access_key_id", "aws_key_id"),
            optional("secret_access_key", "aws_secret_key"),
            optional("session_token", "aws_token", "security_token"),
            optional("region"),
            flag("enable_virtual_host_style"),
            optional("master_key"),
            optional("role_arn", "aws_role_arn"),
            optional("external_id", "aws_external_id"))),
    AZBLOB(List.of("azblob"), true, List.of(
            required("endpoint_url"),
            optional("account_name"),
            optional("account_key"))),
    GCS(List.of("gcs"), true, List.of(
            optional("endpoint_url"),
            optional("credential"))),
    OSS(List.of("oss"), true, List.of(
            required("endpoint_url"),
            optional("access_key_id"),
            optional("access_key_secret"))),
    COS(List.of("cos"), true, List.of(
            required("endpoint_url"),
            optional("secret_id"),
            optional("secret_key"))),
    OBS(List.of("obs"), true, List.of(
            required("endpoint_url"),
            optional("access_key_id"),
            optional("secret_access_key"))),
    HUGGINGFACE(List.of("huggingface", "hf"), true, List.of(
            optional("endpoint_url"),
            optional("repo_type"),
            optional("revision"),
            optional("token"))),
    WEBHDFS(List.of("webhdfs"), true, List.of(
            flag("https"),
            optional("delegation"),
            flag("disable_list_batch"),
            optional("user_name"))),
    /** The local file system; like Databend, it takes no parameters and ignores any given. */
    FS(List.of("fs"), false, List.of()),
    /**
     * Storage in this JVM's memory, for tests and scratch space. Not a storage type users can name: like Databend,
     * {@code memory} in SQL is "not supported yet".
     */
    MEMORY(List.of(), false, List.of());

    /** Schemes the storage layer underneath knows but Stowage cannot use as a location. */
    private static final Set<String> KNOWN_UNSUPPORTED = Set.of(
            "ftp", "ftps", "sftp", "memory", "azdls", "azfile", "hdfs", "ipfs", "ipns", "http", "https", "webdav",
            "gdrive", "onedrive", "dropbox", "swift", "b2", "redis", "mysql", "postgresql", "sqlite", "mongodb");

    private final List<String> names;
    private final boolean checksKeys;
    private final List<StorageParameter> parameters;

    StorageType(List<String> names, boolean checksKeys, List<StorageParameter> parameters) {
        this.names = names;
        this.checksKeys = checksKeys;
        this.parameters = parameters;
    }

    /** Returns the canonical scheme, e.g. {@code huggingface} for {@code hf}. */
    public String scheme() {
        return this == MEMORY ? "memory" : names.get(0);
    }

    /** Returns the parameters this type accepts. */
    public List<StorageParameter> parameters() {
        return parameters;
    }

    /**
     * Returns the storage type named {@code name} (any case).
     *
     * @throws StowageException {@link ErrorCode#INVALID_PARAMETER} if no storage type has that name
     */
    public static StorageType fromName(String name, String subject) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (StorageType type : values()) {
            if (type.names.contains(lower)) {
                return type;
            }
        }
        String detail = KNOWN_UNSUPPORTED.contains(lower)
                ? "URI protocol " + lower + " is not supported yet."
                : "protocol " + lower + " is not supported yet.";
        throw invalid(subject, detail + " Supported storage types: " + supportedNames() + ".");
    }

    /**
     * Checks {@code options} (lower-case keys) against the parameters of this type.
     *
     * @param subject what the options are for, e.g. {@code create connection 'c'}, used in messages
     * @throws StowageException {@link ErrorCode#INVALID_PARAMETER} naming the first problem found
     */
    public void validate(Map<String, String> options, String subject) {
        if (options.containsKey("connection_name")) {
            throw invalid(subject, "can not use connection_name when create connection");
        }
        if (!checksKeys) {
            return;
        }
        Set<String> unknown = new LinkedHashSet<>(options.keySet());
        for (StorageParameter parameter : parameters) {
            List<String> given = parameter.spellings().stream().filter(options::containsKey).toList();
            if (given.isEmpty() && parameter.required()) {
                throw invalid(subject, parameter.key() + " is required for storage " + scheme());
            }
            if (!given.isEmpty()) {
                unknown.remove(given.get(0));
                String value = options.get(given.get(0));
                if (parameter.bool() && !value.equals("true") && !value.equals("false")) {
                    throw invalid(subject, "value for " + given.get(0) + " is invalid: expected TRUE or FALSE");
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw invalid(subject, "connection params invalid: expected " + acceptedKeys() + ", got " + List.copyOf(unknown));
        }
    }

    private List<String> acceptedKeys() {
        List<String> keys = new ArrayList<>();
        parameters.forEach(parameter -> keys.addAll(parameter.spellings()));
        return keys;
    }

    private static List<String> supportedNames() {
        List<String> all = new ArrayList<>();
        for (StorageType type : values()) {
            all.addAll(type.names);
        }
        return all;
    }

    private static StowageException invalid(String subject, String detail) {
        return new StowageException(ErrorCode.INVALID_PARAMETER, "Cannot %s: invalid input parameter (%s)", subject, detail);
    }
}
