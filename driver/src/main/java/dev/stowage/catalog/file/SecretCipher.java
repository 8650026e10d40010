package dev.stowage.catalog.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secret values with AES-256-GCM under the {@link MasterKey}. Each value gets a fresh 96-bit nonce and is
 * bound to its owner and key through the associated data, so a ciphertext copied to another parameter or object
 * does not decrypt.
 */
final class SecretCipher {
    /** Marks an encrypted value in the catalog file; the number is the scheme version. */
    static final String PREFIX = "aes-gcm:v1:";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey masterKey;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    String encrypt(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
            return PREFIX + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Returns the plaintext of {@code encrypted}.
     *
     * @throws GeneralSecurityException if the value was not encrypted with this key and associated data
     */
    String decrypt(String encrypted, String associatedData) throws GeneralSecurityException {
        if (!encrypted.startsWith(PREFIX)) {
            throw new GeneralSecurityException("value is not encrypted with " + PREFIX);
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(encrypted.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("encrypted value is not base64", e);
        }
        if (all.length < NONCE_BYTES) {
            throw new GeneralSecurityException("encrypted value is truncated");
        }
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, associatedData);
        byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        return new String(plain, StandardCharsets.UTF_8);
    }

    private Cipher cipher(int mode, byte[] nonce, String associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, masterKey.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
