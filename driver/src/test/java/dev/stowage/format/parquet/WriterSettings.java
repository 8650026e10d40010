package dev.stowage.format.parquet;

import java.util.function.UnaryOperator;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;

/** Writer settings that give different page versions and encodings of the same values. */
enum WriterSettings {
    /** Data page v1, dictionary encoding where it pays. */
    V1_DICTIONARY(WriterVersion.PARQUET_1_0, true),
    /** Data page v1, plain encoding. */
    V1_PLAIN(WriterVersion.PARQUET_1_0, false),
    /** Data page v2, dictionary encoding where it pays. */
    V2_DICTIONARY(WriterVersion.PARQUET_2_0, true),
    /** Data page v2 without dictionaries: delta encodings for integers and byte arrays. */
    V2_DELTA(WriterVersion.PARQUET_2_0, false),
    /** Data page v1 without dictionaries, numbers split into byte streams. */
    V1_BYTE_STREAM_SPLIT(WriterVersion.PARQUET_1_0, false);

    private final WriterVersion version;
    private final boolean dictionary;

    WriterSettings(WriterVersion version, boolean dictionary) {
        this.version = version;
        this.dictionary = dictionary;
    }

    /** Returns the builder change that applies these settings. */
    UnaryOperator<ExampleParquetWriter.Builder> apply() {
        return builder -> builder.withWriterVersion(version).withDictionaryEncoding(dictionary)
                .withByteStreamSplitEncoding(this == V1_BYTE_STREAM_SPLIT);
    }
}
