package dev.stowage.jdbc;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaStatement;

/**
 * Clears Avatica's cancel flag of a statement before it runs again. Avatica sets the flag on {@code cancel()} and
 * never clears it, so a statement cancelled once, or cancelled while idle, would fail every later execution at once.
 * The flag is a protected field of {@link AvaticaStatement} with no accessor.
 */
final class CancelFlags {
    private static final Field FLAG = flagField();

    private CancelFlags() {
    }

    /** Clears the cancel flag of {@code statement}, if it is an Avatica statement. */
    static void clear(Object statement) {
        if (FLAG == null || !(statement instanceof AvaticaStatement)) {
            return;
        }
        try {
            ((AtomicBoolean) FLAG.get(statement)).set(false);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the cancel flag of an Avatica statement cannot be read", e);
        }
    }

    private static Field flagField() {
        try {
            Field field = AvaticaStatement.class.getDeclaredField("cancelFlag");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            // another Avatica: statements then keep its behaviour
            return null;
        }
    }
}
