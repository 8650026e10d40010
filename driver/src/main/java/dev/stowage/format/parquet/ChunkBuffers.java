package dev.stowage.format.parquet;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * The allocator parquet-java reads column chunks into: the arrays of released buffers are kept per thread and
 * handed out again, so a scan does not allocate (and the collector does not move) a chunk-sized array for every row
 * group. A buffer is released when its row group's pages are closed; the row group is then done with.
 */
final class ChunkBuffers implements ByteBufferAllocator {
    /** The one allocator; its pools are per thread. */
    static final ChunkBuffers INSTANCE = new ChunkBuffers();

    /** Arrays are sized in steps of this, so chunks of similar size share them. */
    private static final int STEP = 1 << 20;
    /** The most bytes one thread keeps for reuse. */
    private static final long MAX_POOLED = 64L << 20;

    private static final ThreadLocal<Pool> POOLS = ThreadLocal.withInitial(Pool::new);

    private ChunkBuffers() {
    }

    @Override
    public ByteBuffer allocate(int size) {
        byte[] array = POOLS.get().take(size);
        // a slice of exactly the size asked for: parquet-java reads capacity and limit as the chunk's length
        return ByteBuffer.wrap(array, 0, size).slice();
    }

    @Override
    public void release(ByteBuffer buffer) {
        if (buffer.hasArray() && buffer.arrayOffset() == 0) {
            POOLS.get().give(buffer.array());
        }
    }

    @Override
    public boolean isDirect() {
        return false;
    }

    /** One thread's released arrays. */
    private static final class Pool {
        private final ArrayDeque<byte[]> arrays = new ArrayDeque<>();
        private long bytes;

        byte[] take(int size) {
            for (byte[] array : arrays) {
                if (array.length >= size) {
                    arrays.remove(array);
                    bytes -= array.length;
                    return array;
                }
            }
            long rounded = ((long) size + STEP - 1) / STEP * STEP;
            return new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(size, rounded))];
        }

        void give(byte[] array) {
            if (bytes + array.length <= MAX_POOLED) {
                arrays.push(array);
                bytes += array.length;
            }
        }
    }
}
