package dev.stowage.catalog.file;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts secrets in a catalog file. It never lives in the catalog file itself: it comes from
 * the environment variable {@value #ENVIRONMENT_VARIABLE} (base64 of 32 bytes) or from the owner-only file
 * {@value #FILE_NAME} in the catalog's home, created on first use.
 */
public final class MasterKey {
    /** The environment variable that, when set, holds the key and takes precedence over the key file. */
    public static final String ENVIRONMENT_VARIABLE = "STOWAGE_MASTER_KEY";
    /** The key file's name inside the home directory. */
    public static final String FILE_NAME = "master.key";

    private static final int KEY_BYTES = 32;

    private final SecretKey key;
    private final String source;

    private MasterKey(byte[] bytes, String source) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.source = source;
    }

    /**
     * Returns the key from {@code environmentValue} when it is non-null, else from the key file in {@code home},
     * creating that file (mode 0600) when it does not exist.
     *
     * @throws StowageException if the value or the file does not hold a base64-encoded 256-bit key
     */
    static MasterKey resolve(Path home, String environmentValue) throws IOException {
        if (environmentValue != null && !environmentValue.isBlank()) {
            return new MasterKey(decode(environmentValue, "environment variable " + ENVIRONMENT_VARIABLE),
                    "environment variable " + ENVIRONMENT_VARIABLE);
        }
        Path file = home.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            create(file);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        return new MasterKey(decode(text, "key file " + file), "key file " + file);
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        try (FileChannel channel = FileChannel.open(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OwnerOnlyFiles.fileAttributes(file))) {
            Channels.newOutputStream(channel).write(Base64.getEncoder().encode(bytes));
            channel.force(true);
        } catch (FileAlreadyExistsException raced) {
            // another process created the key first; the caller reads that one
        }
    }

    private static byte[] decode(String text, String source) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text.strip());
            if (bytes.length == KEY_BYTES) {
                return bytes;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below without echoing the value
        }
        throw new StowageException(ErrorCode.CATALOG_UNREADABLE,
                "The master key in %s is not a base64-encoded 256-bit key.", source);
    }

    SecretKey secretKey() {
        return key;
    }

    /** Returns where the key came from, for messages. */
    String source() {
        return source;
    }

    @Override
    public String toString() {
        return "MasterKey[from " + source + "]";
    }
}
