package dev.stowage.format.parquet;

import java.nio.ByteBuffer;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * The allocator parquet-java reads column chunks into: the arrays of released buffers are kept and handed out again,
 * so a scan does not allocate (and the collector does not move) a chunk-sized array for every row group. A buffer is
 * released when its row group's pages are closed; the row group is then done with. Thread-safe.
 */
final class ChunkBuffers implements ByteBufferAllocator {
    /** The one allocator. */
    static final ChunkBuffers INSTANCE = new ChunkBuffers();

    /** Arrays are sized in steps of this, so chunks of similar size share them. */
    private static final int STEP = 1 << 20;

    private final ArrayPool pool = new ArrayPool(32, 64L << 20);

    private ChunkBuffers() {
    }

    @Override
    public ByteBuffer allocate(int size) {
        byte[] array = pool.take(size);
        if (array == null) {
            long rounded = ((long) size + STEP - 1) / STEP * STEP;
            array = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(size, rounded))];
        }
        // a slice of exactly the size asked for: parquet-java reads capacity and limit as the chunk's length
        return ByteBuffer.wrap(array, 0, size).slice();
    }

    @Override
    public void release(ByteBuffer buffer) {
        if (buffer.hasArray() && buffer.arrayOffset() == 0) {
            pool.give(buffer.array());
        }
    }

    @Override
    public boolean isDirect() {
        return false;
    }
}
