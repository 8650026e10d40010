package dev.stowage.format.parquet;

import dev.stowage.scan.ColumnVector;
import dev.stowage.scan.DoubleVector;
import dev.stowage.scan.LongVector;
import dev.stowage.scan.ObjectVector;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.parquet.CorruptDeltaByteArrays;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.RequiresPreviousReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes one flat (top-level, not repeated) column of a row group page by page, a batch of rows at a time, into a
 * column vector. Definition levels and dictionary ids are decoded in bulk and PLAIN values read straight from the
 * pages ({@link PageValues}); values are the file type's internal representation. One instance per row group read;
 * not thread-safe.
 */
final class ColumnDecoder {
    /** Reads the definition levels of the current page. */
    private interface Levels {
        void read(int[] out, int count) throws IOException;

        /** Skips the next {@code count} levels if they all are {@code level}, and returns whether it did. */
        default boolean skipIfAll(int level, int count) {
            return false;
        }
    }

    /** Levels in the RLE / bit-packing hybrid encoding. */
    private record RleLevels(RleHybridDecoder decoder) implements Levels {
        @Override
        public void read(int[] out, int count) {
            decoder.read(out, count);
        }

        @Override
        public boolean skipIfAll(int level, int count) {
            return decoder.skipRepeated(level, count);
        }
    }

    private final ColumnDescriptor descriptor;
    private final LeafType leaf;
    private final PageReader pages;
    private final String createdBy;
    private final int maxDefinition;
    private final DictionaryValues dictionary;
    private int[] levelBuffer = new int[0];
    private Levels levels;
    private PageValues values;
    private int remainingInPage;
    private ValuesReader previousReader;
    /** The array of the current page, given back to {@link PageBuffers} once the page is done; may be none of its. */
    private byte[] recyclable;

    /**
     * Creates the decoder of {@code descriptor}'s chunk, whose pages {@code pages} reads.
     *
     * @param createdBy the file's writer, which decides a workaround for old writers' DELTA_BYTE_ARRAY pages
     * @throws IOException when the dictionary page cannot be read
     */
    ColumnDecoder(ColumnDescriptor descriptor, LeafType leaf, PageReader pages, String createdBy)
            throws IOException {
        this.descriptor = descriptor;
        this.leaf = leaf;
        this.pages = pages;
        this.createdBy = createdBy;
        this.maxDefinition = descriptor.getMaxDefinitionLevel();
        DictionaryPage dictionaryPage = pages.readDictionaryPage();
        this.dictionary = dictionaryPage == null ? null
                : new DictionaryValues(dictionaryPage.getEncoding().initDictionary(descriptor, dictionaryPage), leaf);
    }

    /**
     * Decodes the next {@code count} values into rows {@code 0..count)} of {@code out}: an {@link ObjectVector}, or
     * a {@link LongVector} or {@link DoubleVector} when the leaf {@linkplain LeafType#decodesToLong() decodes to
     * one}.
     */
    void fill(ColumnVector out, int count) throws IOException {
        if (out instanceof LongVector longs) {
            longs.hasNulls(false);
        } else if (out instanceof DoubleVector doubles) {
            doubles.hasNulls(false);
        }
        int done = 0;
        while (done < count) {
            if (remainingInPage == 0) {
                nextPage();
                continue;
            }
            int n = Math.min(count - done, remainingInPage);
            int[] defined = null;
            if (maxDefinition > 0 && levels.skipIfAll(maxDefinition, n)) {
                // no NULL among these rows: the values decode without levels, the flags are cleared here
                clearNulls(out, done, n);
            } else if (maxDefinition > 0) {
                if (levelBuffer.length < n) {
                    levelBuffer = new int[Math.max(n, 2 * levelBuffer.length)];
                }
                levels.read(levelBuffer, n);
                defined = levelBuffer;
            }
            values.decode(out, done, n, defined, maxDefinition);
            done += n;
            remainingInPage -= n;
        }
    }

    private static void clearNulls(ColumnVector out, int from, int count) {
        if (out instanceof LongVector longs) {
            Arrays.fill(longs.nulls(), from, from + count, false);
        } else if (out instanceof DoubleVector doubles) {
            Arrays.fill(doubles.nulls(), from, from + count, false);
        }
    }

    /** Gives the current page's array back for reuse: call when no more values are read. */
    void release() {
        if (recyclable != null) {
            PageBuffers.shared().giveBack(recyclable);
            recyclable = null;
        }
    }

    private void nextPage() throws IOException {
        release();
        DataPage page = pages.readPage();
        if (page == null) {
            throw new ParquetDecodingException("column " + descriptor + " has fewer values than its row group rows");
        }
        if (page instanceof DataPageV1 v1) {
            startV1(v1);
        } else if (page instanceof DataPageV2 v2) {
            startV2(v2);
        } else {
            throw new ParquetDecodingException("unknown kind of data page: " + page);
        }
        if (page.getValueCount() < 0) {
            throw new ParquetDecodingException("a page of column " + descriptor + " holds " + page.getValueCount()
                    + " values");
        }
        remainingInPage = page.getValueCount();
    }

    /** A v1 page holds its definition levels (flat columns have no repetition levels), then its values. */
    private void startV1(DataPageV1 page) throws IOException {
        int count = page.getValueCount();
        ByteBufferInputStream in = page.getBytes().toInputStream();
        if (maxDefinition > 0) {
            Encoding encoding = page.getDlEncoding();
            if (encoding == Encoding.RLE) {
                int length = BytesUtils.readIntLittleEndian(in);
                levels = new RleLevels(new RleHybridDecoder(in.slice(length), bitWidth()));
            } else {
                ValuesReader reader = encoding.getValuesReader(descriptor, ValuesType.DEFINITION_LEVEL);
                reader.initFromPage(count, in);
                levels = (out, n) -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = reader.readInteger();
                    }
                };
            }
        }
        startValues(page.getValueEncoding(), count, in);
    }

    /** A v2 page keeps its definition levels (RLE, without a length) apart from its values. */
    private void startV2(DataPageV2 page) throws IOException {
        if (maxDefinition > 0) {
            levels = new RleLevels(new RleHybridDecoder(page.getDefinitionLevels().toByteBuffer(), bitWidth()));
        }
        startValues(page.getDataEncoding(), page.getValueCount(), page.getData().toInputStream());
    }

    private void startValues(Encoding encoding, int count, ByteBufferInputStream in) throws IOException {
        if (encoding.usesDictionary()) {
            if (dictionary == null) {
                throw new ParquetDecodingException("a page of column " + descriptor
                        + " is dictionary-encoded, but its chunk has no dictionary");
            }
            values = PageValues.dictionary(recyclable(rest(in)), dictionary);
        } else if (encoding == Encoding.PLAIN) {
            PrimitiveTypeName physical = descriptor.getPrimitiveType().getPrimitiveTypeName();
            int fixedLength = switch (physical) {
                case FIXED_LEN_BYTE_ARRAY -> descriptor.getPrimitiveType().getTypeLength();
                case INT96 -> 12;
                default -> 0;
            };
            values = PageValues.plain(recyclable(rest(in)), leaf, fixedLength);
        } else {
            ValuesReader reader = encoding.getValuesReader(descriptor, ValuesType.VALUES);
            if (previousReader != null && reader instanceof RequiresPreviousReader sequential
                    && CorruptDeltaByteArrays.requiresSequentialReads(createdBy, encoding)) {
                sequential.setPreviousReader(previousReader);
            }
            reader.initFromPage(count, in);
            previousReader = reader;
            values = PageValues.generic(reader, leaf);
        }
    }

    /**
     * Notes the array behind {@code data}, the rest of a page read by {@link PageValues} alone, to give it back to
     * {@link PageBuffers} when the page is done; a values reader of another encoding may keep a value of the previous
     * page (DELTA_BYTE_ARRAY), so its pages are not given back.
     */
    private ByteBuffer recyclable(ByteBuffer data) {
        recyclable = data.hasArray() ? data.array() : null;
        return data;
    }

    private static ByteBuffer rest(ByteBufferInputStream in) throws IOException {
        return in.slice(in.available());
    }

    private int bitWidth() {
        return BytesUtils.getWidthFromMaxInt(maxDefinition);
    }
}
