package dev.stowage.format.parquet;

import static org.apache.parquet.filter2.predicate.FilterApi.and;
import static org.apache.parquet.filter2.predicate.FilterApi.binaryColumn;
import static org.apache.parquet.filter2.predicate.FilterApi.booleanColumn;
import static org.apache.parquet.filter2.predicate.FilterApi.doubleColumn;
import static org.apache.parquet.filter2.predicate.FilterApi.eq;
import static org.apache.parquet.filter2.predicate.FilterApi.floatColumn;
import static org.apache.parquet.filter2.predicate.FilterApi.gt;
import static org.apache.parquet.filter2.predicate.FilterApi.gtEq;
import static org.apache.parquet.filter2.predicate.FilterApi.intColumn;
import static org.apache.parquet.filter2.predicate.FilterApi.longColumn;
import static org.apache.parquet.filter2.predicate.FilterApi.lt;
import static org.apache.parquet.filter2.predicate.FilterApi.ltEq;
import static org.apache.parquet.filter2.predicate.FilterApi.notEq;

import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnPredicate;
import dev.stowage.scan.ColumnPredicate.Op;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.filter2.statisticslevel.StatisticsFilter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Skips row groups whose min/max statistics show that no row can match the scan's predicates, with parquet-java's
 * {@link StatisticsFilter}. A predicate that cannot be stated exactly in the column's stored values is left out, so
 * a row group that might match is never skipped: comparisons of unsigned, INT96, binary decimal and nested columns,
 * of a string column with a non-ASCII constant other than equality (Java orders strings by UTF-16 units, Parquet by
 * bytes), of floats with zero or a constant the stored type cannot hold, and every {@code <>} that is not exact.
 */
final class RowGroupPruning {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final FilterPredicate predicate;

    private RowGroupPruning(FilterPredicate predicate) {
        this.predicate = predicate;
    }

    /** Returns the pruning of {@code predicates}, whose indexes point into {@code planned}, for a file's schema. */
    static RowGroupPruning of(List<ColumnPredicate> predicates, List<Column> planned, MessageType schema) {
        FilterPredicate all = null;
        for (ColumnPredicate predicate : predicates) {
            FilterPredicate translated = translate(predicate, planned.get(predicate.index()), schema);
            if (translated != null) {
                all = all == null ? translated : and(all, translated);
            }
        }
        return new RowGroupPruning(all);
    }

    /** Returns whether {@code block} may hold a row that satisfies every predicate. */
    boolean mightMatch(BlockMetaData block) {
        if (predicate == null) {
            return true;
        }
        try {
            return !StatisticsFilter.canDrop(predicate, block.getColumns());
        } catch (RuntimeException e) {
            // statistics that parquet-java cannot compare prove nothing; the rows are read and filtered
            return true;
        }
    }

    private static FilterPredicate translate(ColumnPredicate predicate, Column planned, MessageType schema) {
        int fieldIndex = ParquetSchemas.fieldIndex(schema, planned.name());
        if (fieldIndex < 0) {
            return null;
        }
        Type field = schema.getType(fieldIndex);
        // FilterApi splits column paths at dots
        if (!ParquetSchemas.isFlat(field) || field.getName().contains(".")) {
            return null;
        }
        PrimitiveType primitive = field.asPrimitiveType();
        LeafType leaf = LeafType.of(primitive);
        if (ValueConversion.between(leaf.type(), planned.type()) == null) {
            return null;
        }
        String path = field.getName();
        if (predicate.op() == Op.IS_NULL || predicate.op() == Op.IS_NOT_NULL) {
            return nullTest(primitive, path, predicate.op() == Op.IS_NULL);
        }
        Object value = predicate.value();
        if (value == null) {
            return null;
        }
        Op op = predicate.op();
        return switch (leaf.kind()) {
            case BOOLEAN -> value instanceof Boolean b
                    ? op == Op.EQ ? eq(booleanColumn(path), b) : op == Op.NE ? notEq(booleanColumn(path), b) : null
                    : null;
            case INT32, INT8, INT16, DATE, TIME_MILLIS -> integral(op, value, 0, 1, path, true);
            case DECIMAL_INT32 -> integral(op, value, leaf.type().scale(), 1, path, true);
            case INT64, TIMESTAMP_MILLIS -> integral(op, value, 0, 1, path, false);
            case DECIMAL_INT64 -> integral(op, value, leaf.type().scale(), 1, path, false);
            case TIMESTAMP_MICROS, TIME_MICROS -> integral(op, value, 0, 1_000, path, false);
            case TIMESTAMP_NANOS, TIME_NANOS -> integral(op, value, 0, 1_000_000, path, false);
            case DOUBLE -> {
                Double number = exactDouble(value);
                yield number == null ? null : compare(doubleColumn(path), op, number, number, true);
            }
            case FLOAT -> {
                Double number = exactDouble(value);
                yield number == null || (double) number.floatValue() != number ? null
                        : compare(floatColumn(path), op, number.floatValue(), number.floatValue(), true);
            }
            case STRING -> value instanceof String text && (op == Op.EQ || isAscii(text))
                    ? compare(binaryColumn(path), op, Binary.fromString(text), Binary.fromString(text), true)
                    : null;
            default -> null;
        };
    }

    private static FilterPredicate nullTest(PrimitiveType primitive, String path, boolean isNull) {
        return switch (primitive.getPrimitiveTypeName()) {
            case BOOLEAN -> isNull ? eq(booleanColumn(path), null) : notEq(booleanColumn(path), null);
            case INT32 -> isNull ? eq(intColumn(path), null) : notEq(intColumn(path), null);
            case INT64 -> isNull ? eq(longColumn(path), null) : notEq(longColumn(path), null);
            case FLOAT -> isNull ? eq(floatColumn(path), null) : notEq(floatColumn(path), null);
            case DOUBLE -> isNull ? eq(doubleColumn(path), null) : notEq(doubleColumn(path), null);
            case BINARY, FIXED_LEN_BYTE_ARRAY -> isNull ? eq(binaryColumn(path), null) : notEq(binaryColumn(path), null);
            case INT96 -> null;
        };
    }

    /**
     * Translates a comparison with a column whose stored integer {@code x} holds the value
     * {@code floor(x / divisor) / 10^scale}. The rows with value {@code >= c} are those with {@code x >= low}, the rows
     * with value {@code <= c} those with {@code x <= high}.
     */
    private static FilterPredicate integral(Op op, Object value, int scale, long divisor, String path, boolean int32) {
        BigDecimal constant = exactDecimal(value);
        if (constant == null) {
            return null;
        }
        BigDecimal scaled = constant.movePointRight(scale);
        BigInteger step = BigInteger.valueOf(divisor);
        BigInteger low = scaled.setScale(0, RoundingMode.CEILING).toBigIntegerExact().multiply(step);
        BigInteger high = scaled.setScale(0, RoundingMode.FLOOR).toBigIntegerExact().multiply(step)
                .add(BigInteger.valueOf(divisor - 1));
        boolean exact = low.equals(high);
        BigInteger min = int32 ? INT_MIN : LONG_MIN;
        BigInteger max = int32 ? INT_MAX : LONG_MAX;
        boolean lowFits = low.compareTo(min) >= 0 && low.compareTo(max) <= 0;
        boolean highFits = high.compareTo(min) >= 0 && high.compareTo(max) <= 0;
        boolean fits = switch (op) {
            case LT, GE -> lowFits;
            case LE, GT -> highFits;
            default -> lowFits && highFits;
        };
        if (!fits) {
            return null;
        }
        return int32 ? compare(intColumn(path), op, low.intValue(), high.intValue(), exact)
                : compare(longColumn(path), op, low.longValue(), high.longValue(), exact);
    }

    private static <T extends Comparable<T>, C extends Operators.Column<T> & Operators.SupportsLtGt>
            FilterPredicate compare(C column, Op op, T low, T high, boolean exact) {
        return switch (op) {
            case LT -> lt(column, low);
            case LE -> ltEq(column, high);
            case GT -> gt(column, high);
            case GE -> gtEq(column, low);
            case EQ -> exact ? eq(column, low) : and(gtEq(column, low), ltEq(column, high));
            case NE -> exact ? notEq(column, low) : null;
            default -> null;
        };
    }

    /** Returns a numeric constant as an exact decimal, or null for anything else (and non-finite floats). */
    private static BigDecimal exactDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return new BigDecimal(((Number) value).doubleValue());
        }
        return null;
    }

    /** Returns a numeric constant as the double that equals it, or null when none does or it is zero. */
    private static Double exactDouble(Object value) {
        BigDecimal decimal = exactDecimal(value);
        if (decimal == null || decimal.signum() == 0) {
            return null;
        }
        double number = decimal.doubleValue();
        return new BigDecimal(number).compareTo(decimal) == 0 ? number : null;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
