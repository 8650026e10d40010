package dev.stowage.jdbc;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.StorageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.DriverPropertyInfo;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.avatica.ConnectionConfigImpl;
import org.apache.calcite.avatica.ConnectionProperty;

/**
 * Every connection property of the Stowage driver. Properties come from the {@link java.util.Properties} passed to
 * {@code connect} and from {@code ;key=value} pairs after the URL's location (the URL wins). Calcite's own
 * properties are accepted as well.
 */
public enum DriverProperty implements ConnectionProperty {
    HOME("home", Type.STRING, null,
            "Directory of the persistent catalog when the URL names none (default: ~/.stowage)."),
    STORAGE_TIMEOUT("storageTimeout", Type.NUMBER, 30,
            "Seconds each storage request (one call, one listing page, one read chunk) may take before it fails."),
    STORAGE_RETRIES("storageRetries", Type.NUMBER, 3,
            "How many times a storage request that failed transiently (HTTP 5xx or 429, reset connection) is retried."),
    SCAN_THREADS("scanThreads", Type.NUMBER, 0,
            "Threads that decode staged files for one query (0: one per processor)."),
    USER("user", Type.STRING, "",
            "User name. Stowage's embedded catalog has no login; the name is reported as the current user."),
    PASSWORD("password", Type.STRING, "",
            "Password. Accepted for tools that always send one; never stored or shown.");

    private static final Map<String, DriverProperty> BY_NAME = new HashMap<>();

    static {
        for (DriverProperty property : values()) {
            if (BY_NAME.put(property.camelName.toLowerCase(Locale.ROOT), property) != null) {
                throw new ExceptionInInitializerError("duplicate driver property " + property.camelName);
            }
        }
    }

    private final String camelName;
    private final Type type;
    private final Object defaultValue;
    private final String description;

    DriverProperty(String camelName, Type type, Object defaultValue, String description) {
        this.camelName = camelName;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    @Override
    public String camelName() {
        return camelName;
    }

    @Override
    public Object defaultValue() {
        return defaultValue;
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public ConnectionConfigImpl.PropEnv wrap(Properties properties) {
        Map<ConnectionProperty, String> values = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            DriverProperty property = BY_NAME.get(name.toLowerCase(Locale.ROOT));
            if (property != null) {
                values.put(property, properties.getProperty(name));
            }
        }
        return new ConnectionConfigImpl.PropEnv(values, this);
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public Class<?> valueClass() {
        return type.defaultValueClass();
    }

    /** Returns the one-line description shown by tools. */
    public String description() {
        return description;
    }

    /** Returns this property's value in {@code properties} (name matched case-insensitively), or its default. */
    public String get(Properties properties) {
        for (String name : properties.stringPropertyNames()) {
            if (name.equalsIgnoreCase(camelName)) {
                return properties.getProperty(name);
            }
        }
        return defaultValue == null ? null : defaultValue.toString();
    }

    /**
     * Returns this property's value as an absolute path, or {@code null} when it is not set.
     *
     * @throws StowageException {@link ErrorCode#INVALID_PROPERTY} if the value is not an absolute path
     */
    public Path getPath(Properties properties) {
        String value = get(properties);
        if (value == null || value.isBlank()) {
            return null;
        }
        Path path = Path.of(value);
        if (!path.isAbsolute()) {
            throw new StowageException(ErrorCode.INVALID_PROPERTY,
                    "Connection property %s must be an absolute path, got '%s'.", camelName, value);
        }
        return path;
    }

    /**
     * Returns this property's value as a whole number of at least {@code minimum}.
     *
     * @throws StowageException {@link ErrorCode#INVALID_PROPERTY} if the value is not such a number
     */
    public int getInt(Properties properties, int minimum) {
        String value = get(properties);
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= minimum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StowageException(ErrorCode.INVALID_PROPERTY,
                "Connection property %s must be a whole number of at least %d, got '%s'.", camelName, minimum, value);
    }

    /** Returns the storage settings that {@link #STORAGE_TIMEOUT} and {@link #STORAGE_RETRIES} describe. */
    public static StorageSettings storageSettings(Properties properties) {
        return new StorageSettings(Duration.ofSeconds(STORAGE_TIMEOUT.getInt(properties, 1)),
                STORAGE_RETRIES.getInt(properties, 0));
    }

    /** Returns the number of threads {@link #SCAN_THREADS} asks for, 0 meaning one per processor. */
    public static int scanThreads(Properties properties) {
        int threads = SCAN_THREADS.getInt(properties, 0);
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** Returns the description of this property for {@link java.sql.Driver#getPropertyInfo}. */
    public DriverPropertyInfo toPropertyInfo(Properties properties) {
        DriverPropertyInfo info = new DriverPropertyInfo(camelName, this == PASSWORD ? null : get(properties));
        info.description = description;
        info.required = false;
        return info;
    }
}
