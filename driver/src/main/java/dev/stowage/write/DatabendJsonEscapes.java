package dev.stowage.write;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;

/**
 * Escapes JSON strings as Databend's NDJSON output does: besides Jackson's standard escapes it writes a slash as
 * {@code \/}, the line and paragraph separators U+2028 and U+2029 as escapes (JavaScript cannot hold them raw), and
 * the other control characters as escapes with lower-case hex digits.
 */
final class DatabendJsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;

    private final int[] ascii;

    DatabendJsonEscapes() {
        ascii = standardAsciiEscapesForJSON();
        ascii['/'] = '/';
        for (int c = 0; c < 0x20; c++) {
            if (ascii[c] == ESCAPE_STANDARD) {
                ascii[c] = ESCAPE_CUSTOM;
            }
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
        if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            return new SerializedString(String.format(Locale.ROOT, "\\u%04x", c));
        }
        return null;
    }
}
