package dev.stowage.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.ScanUnit;
import dev.stowage.scan.SourceFile;
import io.airlift.compress.lz4.Lz4Compressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pages compressed with every codec Parquet writers use, in data pages of both versions. */
class ParquetCompressionTest {
    private static final MessageType SCHEMA = ParquetFixtures.schema("""
            message m {
              required int64 id;
              optional binary name (STRING);
              optional double score;
              optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
            }""");

    /** How a fixture's pages are compressed. */
    enum Codec {
        UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED, null),
        SNAPPY(CompressionCodecName.SNAPPY, null),
        ZSTD(CompressionCodecName.ZSTD, null),
        LZ4_RAW(CompressionCodecName.LZ4_RAW, null),
        GZIP(CompressionCodecName.GZIP, Codec::gzip),
        LZ4_HADOOP(CompressionCodecName.LZ4, Codec::lz4Framed),
        LZ4_BARE(CompressionCodecName.LZ4, Codec::lz4Block);

        final CompressionCodecName name;
        final Compression compression;

        Codec(CompressionCodecName name, Compression compression) {
            this.name = name;
            this.compression = compression;
        }

        private static byte[] gzip(byte[] input) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(input);
            }
            return out.toByteArray();
        }

        private static byte[] lz4Block(byte[] input) {
            Lz4Compressor lz4 = new Lz4Compressor();
            byte[] out = new byte[lz4.maxCompressedLength(input.length)];
            int length = lz4.compress(input, 0, input.length, out, 0, out.length);
            return Arrays.copyOf(out, length);
        }

        /** Hadoop's framing: the uncompressed size, then chunks of at most 1 KiB, each after its compressed size. */
        private static byte[] lz4Framed(byte[] input) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(ByteBuffer.allocate(4).putInt(input.length).array());
            for (int start = 0; start < input.length; start += 1024) {
                byte[] block = lz4Block(Arrays.copyOfRange(input, start, Math.min(input.length, start + 1024)));
                out.writeBytes(ByteBuffer.allocate(4).putInt(block.length).array());
                out.writeBytes(block);
            }
            return out.toByteArray();
        }
    }

    /** Compresses a page's bytes. */
    @FunctionalInterface
    interface Compression {
        byte[] compress(byte[] input) throws IOException;
    }

    @RegisterExtension
    final ParquetFixtures fixtures = new ParquetFixtures();
    private final ParquetFormatReader reader = ParquetFixtures.reader(false);

    @ParameterizedTest
    @EnumSource(Codec.class)
    void everyCodecReadsTheSameRows(Codec codec) throws Exception {
        for (WriterVersion version : WriterVersion.values()) {
            SourceFile expected = write("plain.parquet", version, CompressionCodecName.UNCOMPRESSED, null);
            SourceFile compressed = write("compressed.parquet", version, codec.name, codec.compression);

            List<List<Object>> rows = readAll(compressed);

            assertThat(rows).hasSize(3000).isEqualTo(readAll(expected));
            assertThat(rows.get(2999)).isEqualTo(List.of(2999L, "name-3", 1499.5, "[\"t0\",\"t1\"]",
                    "{\"id\":2999,\"name\":\"name-3\",\"score\":1499.5,\"tags\":[\"t0\",\"t1\"]}"));
        }
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void flatColumnsReadTheSameFromReusedPageArrays(Codec codec) throws Exception {
        for (WriterVersion version : WriterVersion.values()) {
            SourceFile expected = write("plain.parquet", version, CompressionCodecName.UNCOMPRESSED, null);
            SourceFile compressed = write("compressed.parquet", version, codec.name, codec.compression);
            ScanSpec flat = flatColumns(compressed);
            List<List<Object>> rows = ParquetFixtures.rows(reader, expected, flat);

            // the pages of several row groups and columns go through one thread's arrays, rows and batches alike
            assertThat(ParquetFixtures.units(reader, compressed, flat)).hasSize(3);
            for (int pass = 0; pass < 2; pass++) {
                assertThat(ParquetFixtures.rows(reader, compressed, flat)).hasSize(3000).isEqualTo(rows);
                assertThat(batchRows(compressed, flat)).isEqualTo(rows);
            }
        }
    }

    @Test
    void aCodecThatCannotBeReadIsBadDataNamingIt() throws Exception {
        SourceFile file = write("brotli.parquet", WriterVersion.PARQUET_1_0, CompressionCodecName.BROTLI,
                input -> input);

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_DATA))
                .hasMessageContaining("brotli.parquet")
                .hasMessageContaining("BROTLI");
    }

    private List<List<Object>> readAll(SourceFile file) throws Exception {
        ScanSpec all = ParquetFixtures.allColumns(reader.schema(file, 0), List.of());
        List<OutputColumn> outputs = new ArrayList<>(all.outputs());
        outputs.add(new OutputColumn.WholeRow());
        return ParquetFixtures.rows(reader, file, new ScanSpec(all.schema(), outputs, List.of()));
    }

    private ScanSpec flatColumns(SourceFile file) throws Exception {
        ScanSpec all = ParquetFixtures.allColumns(reader.schema(file, 0), List.of());
        return new ScanSpec(all.schema(), all.outputs().subList(0, 3), List.of());
    }

    private List<List<Object>> batchRows(SourceFile file, ScanSpec spec) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (ScanUnit unit : ParquetFixtures.units(reader, file, spec)) {
            unit.readBatches(batch -> {
                for (int i = 0; i < batch.size(); i++) {
                    rows.add(Arrays.asList(batch.row(i)));
                }
                return true;
            });
        }
        return rows;
    }

    private SourceFile write(String name, WriterVersion version, CompressionCodecName codec, Compression compression)
            throws Exception {
        SimpleGroupFactory factory = ParquetFixtures.groups(SCHEMA);
        List<Group> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Group row = factory.newGroup().append("id", (long) i);
            if (i % 11 != 0) {
                row.append("name", "name-" + i % 7).append("score", i / 2.0);
            }
            Group tags = row.addGroup("tags");
            for (int j = 0; j < i % 3; j++) {
                tags.addGroup("list").append("element", "t" + j);
            }
            rows.add(row);
        }
        UnaryOperator<ExampleParquetWriter.Builder> settings = builder -> {
            builder.withWriterVersion(version).withCompressionCodec(codec).withPageRowCountLimit(500)
                    .withRowGroupRowCountLimit(1000);
            return compression == null ? builder : builder.withCodecFactory(new TestCompressors(codec, compression));
        };
        return fixtures.write(name, SCHEMA, rows, settings);
    }

    /** Compresses pages of one codec with a {@link Compression}; never decompresses. */
    private record TestCompressors(CompressionCodecName codec, Compression compression)
            implements CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
            return new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    return BytesInput.from(compression.compress(bytes.toByteArray()));
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return codec;
                }

                @Override
                public void release() {
                }
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
            throw new UnsupportedOperationException("the fixture writer does not decompress");
        }

        @Override
        public void release() {
        }
    }
}
