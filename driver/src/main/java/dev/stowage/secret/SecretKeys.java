package dev.stowage.secret;

import java.util.Locale;
import java.util.Set;

/** Knows which storage parameters hold secrets: their values are encrypted at rest and never shown in clear. */
public final class SecretKeys {
    private static final Set<String> SECRET_KEYS = Set.of(
            "secret_access_key", "aws_secret_key",
            "access_key_secret",
            "account_key",
            "credential",
            "secret_key",
            "session_token", "aws_token", "security_token",
            "token",
            "master_key",
            "external_id", "aws_external_id",
            "delegation");

    private SecretKeys() {
    }

    /** Returns whether the parameter named {@code key} (any case) holds a secret. */
    public static boolean isSecret(String key) {
        return SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }
}
