package dev.stowage.calcite;

import dev.stowage.fileio.FileEntry;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What the planning of one statement read besides the catalog, collected on the planning thread: the first file of
 * each staged-file source whose schema was taken from that file, and whether the plan may be reused at all. Plannings
 * nest (a statement may plan another while it is planned); each sees its own inputs.
 */
final class PlanInputs implements AutoCloseable {
    private static final ThreadLocal<Deque<PlanInputs>> OPEN = new ThreadLocal<>();

    /** A source whose schema was read from its first file, and that file. */
    record FirstFile(StageScanSource source, FileEntry file) {
    }

    private final List<FirstFile> firstFiles = new ArrayList<>();
    private boolean reusable;
    private boolean unidentifiedFile;

    private PlanInputs() {
    }

    /** Starts collecting the inputs of a planning on this thread, until {@link #close()}. */
    static PlanInputs open() {
        PlanInputs inputs = new PlanInputs();
        Deque<PlanInputs> open = OPEN.get();
        if (open == null) {
            open = new ArrayDeque<>();
            OPEN.set(open);
        }
        open.push(inputs);
        return inputs;
    }

    /**
     * Notes that the schema of {@code source} was read from {@code file}; a plan made from a file whose listing does
     * not identify its content ({@link FileEntry#identifiesContent}) is not reusable. Does nothing outside a planning.
     */
    static void noteFirstFile(StageScanSource source, FileEntry file) {
        PlanInputs current = current();
        if (current != null) {
            current.firstFiles.add(new FirstFile(source, file));
            current.unidentifiedFile |= !file.identifiesContent(Instant.now());
        }
    }

    /** Notes whether the plan being made may be reused; does nothing outside a planning. */
    static void noteReusable(boolean reusable) {
        PlanInputs current = current();
        if (current != null) {
            current.reusable = reusable;
        }
    }

    private static PlanInputs current() {
        Deque<PlanInputs> open = OPEN.get();
        return open == null ? null : open.peek();
    }

    /** Returns whether the plan was found reusable, and every file it read identifies its content. */
    boolean reusable() {
        return reusable && !unidentifiedFile;
    }

    /** Returns the sources whose schema came from their first file. */
    List<FirstFile> firstFiles() {
        return List.copyOf(firstFiles);
    }

    @Override
    public void close() {
        Deque<PlanInputs> open = OPEN.get();
        if (open != null) {
            open.remove(this);
            if (open.isEmpty()) {
                OPEN.remove();
            }
        }
    }
}
