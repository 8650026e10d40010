package dev.stowage.format.parquet;

/** How the stored values of a primitive Parquet column are decoded; see {@link LeafType}. */
enum ValueKind {
    BOOLEAN(Physical.BOOLEAN),
    INT32(Physical.INT),
    INT8(Physical.INT),
    INT16(Physical.INT),
    UINT8(Physical.INT),
    UINT16(Physical.INT),
    UINT32(Physical.INT),
    DECIMAL_INT32(Physical.INT),
    DATE(Physical.INT),
    TIME_MILLIS(Physical.INT),
    INT64(Physical.LONG),
    UINT64(Physical.LONG),
    DECIMAL_INT64(Physical.LONG),
    TIME_MICROS(Physical.LONG),
    TIME_NANOS(Physical.LONG),
    TIMESTAMP_MILLIS(Physical.LONG),
    TIMESTAMP_MICROS(Physical.LONG),
    TIMESTAMP_NANOS(Physical.LONG),
    FLOAT(Physical.FLOAT),
    DOUBLE(Physical.DOUBLE),
    /** Legacy timestamps: 8 bytes of nanoseconds of the day, then 4 bytes of Julian day, little-endian. */
    INT96(Physical.BINARY),
    DECIMAL_BINARY(Physical.BINARY),
    STRING(Physical.BINARY),
    UUID(Physical.BINARY),
    FLOAT16(Physical.BINARY),
    BYTES(Physical.BINARY);

    /** The physical type the value is stored as, which decides how a page or a dictionary yields it. */
    enum Physical {
        BOOLEAN, INT, LONG, FLOAT, DOUBLE, BINARY
    }

    private final Physical physical;

    ValueKind(Physical physical) {
        this.physical = physical;
    }

    Physical physical() {
        return physical;
    }
}
