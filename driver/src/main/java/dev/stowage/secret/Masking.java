package dev.stowage.secret;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Masks parameter values for display, as Databend's SHOW/DESC CONNECTION do: a value of at most four characters
 * becomes {@code ***}; a longer one keeps its first two and last two characters around {@code ***}.
 */
public final class Masking {
    /** Identifiers Databend masks in displayed storage parameters on top of the secrets. */
    private static final Set<String> MASKED_IDENTIFIERS = Set.of("access_key_id", "aws_key_id", "secret_id");

    /** What a masked value of four characters or fewer, and a redacted secret, look like. */
    public static final String MASK = "***";

    private Masking() {
    }

    /** Returns {@code value} masked for display; never returns the value itself. */
    public static String mask(String value) {
        int length = value.codePointCount(0, value.length());
        if (length <= 4) {
            return MASK;
        }
        int headEnd = value.offsetByCodePoints(0, 2);
        int tailStart = value.offsetByCodePoints(value.length(), -2);
        return value.substring(0, headEnd) + MASK + value.substring(tailStart);
    }

    /** Returns {@code parameters} as {@code key=value} pairs joined by one space, secret values replaced by {@link #MASK}. */
    public static String redactSecrets(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + (SecretKeys.isSecret(e.getKey()) ? MASK : e.getValue()))
                .collect(Collectors.joining(" "));
    }

    /**
     * Returns the value of storage parameter {@code key} as SHOW/DESC output shows it: secrets and access key ids
     * masked, everything else as is.
     */
    public static String forDisplay(String key, String value) {
        return SecretKeys.isSecret(key) || MASKED_IDENTIFIERS.contains(key) ? mask(value) : value;
    }
}
