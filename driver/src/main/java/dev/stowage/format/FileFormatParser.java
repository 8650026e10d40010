package dev.stowage.format;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.OptionValue.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Validates {@code FILE_FORMAT = (...)} options by Databend's rules: a type (or a named format) is required, each
 * type accepts its own options, and each option value is checked.
 */
public final class FileFormatParser {
    private static final Set<String> COMPRESSIONS = Set.of("NONE", "AUTO", "GZIP", "BZ2", "BROTLI", "ZSTD", "DEFLATE",
            "RAW_DEFLATE", "RAWDEFLATE", "XZ", "LZO", "SNAPPY", "ZIP");

    /** One option of a type: its default and the rule a value must meet. */
    private record Spec(String defaultValue, Predicate<String> valid, String rule) {
    }

    private static final Map<FileFormatType, Map<String, Spec>> SPECS = Map.of(
            FileFormatType.CSV, specs(
                    "record_delimiter", new Spec("\n", FileFormatParser::isRecordDelimiter,
                            "it must be one non-alphanumeric byte or \\r\\n"),
                    "field_delimiter", new Spec(",", FileFormatParser::isSingleSymbol, "it must be one non-alphanumeric byte"),
                    "quote", new Spec("\"", v -> List.of("'", "\"", "`").contains(v), "it must be one of ' \" `"),
                    "escape", new Spec("", v -> v.isEmpty() || v.equals("\\"), "it must be '\\\\' or ''"),
                    "skip_header", new Spec("0", FileFormatParser::isCount, "it must be a whole number"),
                    "nan_display", new Spec("NaN", v -> List.of("nan", "NaN", "null", "NULL").contains(v),
                            "it must be one of nan, NaN, null, NULL"),
                    "null_display", new Spec("\\N", v -> true, ""),
                    "error_on_column_count_mismatch", new Spec("true", FileFormatParser::isBoolean, "it must be TRUE or FALSE"),
                    "empty_field_as", new Spec("NULL", oneOf("NULL", "STRING", "FIELD_DEFAULT"),
                            "it must be NULL, STRING or FIELD_DEFAULT"),
                    "output_header", new Spec("false", FileFormatParser::isBoolean, "it must be TRUE or FALSE"),
                    "binary_format", new Spec("HEX", oneOf("HEX", "BASE64"), "it must be HEX or BASE64"),
                    "compression", new Spec("NONE", oneOf(COMPRESSIONS), "it must be one of " + COMPRESSIONS)),
            FileFormatType.TSV, specs(
                    "record_delimiter", new Spec("\n", FileFormatParser::isRecordDelimiter,
                            "it must be one non-alphanumeric byte or \\r\\n"),
                    "field_delimiter", new Spec("\t", FileFormatParser::isSingleSymbol, "it must be one non-alphanumeric byte"),
                    "skip_header", new Spec("0", FileFormatParser::isCount, "it must be a whole number"),
                    "nan_display", new Spec("nan", v -> List.of("nan", "NaN", "null", "NULL").contains(v),
                            "it must be one of nan, NaN, null, NULL"),
                    "escape", new Spec("\\", v -> v.isEmpty() || v.equals("\\"), "it must be '\\\\' or ''"),
                    "quote", new Spec("'", v -> List.of("'", "\"", "`").contains(v), "it must be one of ' \" `"),
                    "compression", new Spec("NONE", oneOf(COMPRESSIONS), "it must be one of " + COMPRESSIONS)),
            FileFormatType.NDJSON, specs(
                    "compression", new Spec("NONE", oneOf(COMPRESSIONS), "it must be one of " + COMPRESSIONS),
                    "missing_field_as", new Spec("ERROR", oneOf("ERROR", "NULL", "FIELD_DEFAULT"),
                            "it must be ERROR, NULL or FIELD_DEFAULT"),
                    "null_field_as", new Spec("NULL", oneOf("NULL", "FIELD_DEFAULT"), "it must be NULL or FIELD_DEFAULT")),
            FileFormatType.PARQUET, specs(
                    "missing_field_as", new Spec("ERROR", oneOf("ERROR", "FIELD_DEFAULT"), "it must be ERROR or FIELD_DEFAULT"),
                    "compression", new Spec("ZSTD", oneOf("ZSTD", "SNAPPY"), "it must be ZSTD or SNAPPY")),
            FileFormatType.ORC, specs(
                    "missing_field_as", new Spec("ERROR", oneOf("ERROR", "FIELD_DEFAULT"), "it must be ERROR or FIELD_DEFAULT")),
            FileFormatType.AVRO, specs(
                    "missing_field_as", new Spec("ERROR", oneOf("ERROR", "FIELD_DEFAULT"), "it must be ERROR or FIELD_DEFAULT")),
            FileFormatType.JSON, specs(
                    "compression", new Spec("NONE", oneOf(COMPRESSIONS), "it must be one of " + COMPRESSIONS)));

    private FileFormatParser() {
    }

    /** Returns {@code type} with every option at its default. */
    public static FileFormat defaults(FileFormatType type) {
        TreeMap<String, String> options = new TreeMap<>();
        SPECS.get(type).forEach((key, spec) -> options.put(key, spec.defaultValue()));
        return new FileFormat(type, options);
    }

    /**
     * Returns the format {@code options} describe (keys lower-case). {@code FORMAT_NAME} is resolved by
     * {@link #resolveName} with {@code namedFormats}.
     *
     * @throws StowageException {@link ErrorCode#ILLEGAL_FILE_FORMAT} or {@link ErrorCode#BAD_ARGUMENTS} naming the
     *     problem, {@link ErrorCode#UNKNOWN_FILE_FORMAT} for a missing named format
     */
    public static FileFormat parse(Map<String, OptionValue> options, Map<String, FileFormat> namedFormats) {
        Map<String, OptionValue> rest = new LinkedHashMap<>(options);
        OptionValue formatName = rest.remove("format_name");
        OptionValue explicitType = rest.remove("type");
        OptionValue legacyType = rest.remove("format");
        if (explicitType != null && legacyType != null) {
            throw new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT,
                    "Invalid FILE_FORMAT options: TYPE and its deprecated alias FORMAT cannot both be given.");
        }
        OptionValue typeValue = explicitType != null ? explicitType : legacyType;
        if (formatName != null) {
            if (typeValue != null || !rest.isEmpty()) {
                throw new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT,
                        "Invalid FILE_FORMAT options: FORMAT_NAME cannot be combined with other options.");
            }
            return resolveName(formatName.text(), namedFormats);
        }
        if (typeValue == null) {
            throw new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT, "Invalid FILE_FORMAT options: FILE_FORMAT must"
                    + " include at least one of the TYPE or NAME option. Currently, neither is specified.");
        }
        if (typeValue.text().equalsIgnoreCase("LANCE")) {
            throw new StowageException(ErrorCode.ILLEGAL_STAGE_FILE_FORMAT,
                    "LANCE file format is only supported in COPY INTO <location>");
        }
        FileFormatType type = FileFormatType.fromName(typeValue.text()).orElseThrow(() -> new StowageException(
                ErrorCode.ILLEGAL_FILE_FORMAT, "Unknown file format type '%s', must be one of"
                        + " ( CSV | TSV | NDJSON | PARQUET | ORC | AVRO | JSON )", typeValue.text()));
        Map<String, Spec> specs = SPECS.get(type);
        TreeMap<String, String> resolved = new TreeMap<>(defaults(type).options());
        Map<String, String> unsupported = new LinkedHashMap<>();
        for (Map.Entry<String, OptionValue> option : rest.entrySet()) {
            Spec spec = specs.get(option.getKey());
            if (spec == null) {
                unsupported.put(option.getKey(), option.getValue().toString());
                continue;
            }
            String value = normalize(option.getKey(), option.getValue());
            if (!spec.valid().test(value)) {
                throw new StowageException(ErrorCode.BAD_ARGUMENTS, "Invalid %s option value: %s is currently set to"
                        + " '%s'. %s.", type.name(), option.getKey().toUpperCase(Locale.ROOT), value, spec.rule());
            }
            resolved.put(option.getKey(), value);
        }
        if (!unsupported.isEmpty()) {
            throw new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT, "Unsupported options for %s:  %s",
                    type.displayName(), unsupported.toString().replace("=", ": "));
        }
        return new FileFormat(type, resolved);
    }

    /**
     * Returns the format a name stands for, as Databend resolves {@code FORMAT_NAME = '<name>'}: a type name
     * ({@code 'csv'}, any case) is that type with its defaults, anything else a named format of {@code namedFormats}.
     *
     * @throws StowageException {@link ErrorCode#UNKNOWN_FILE_FORMAT} when it is neither
     */
    public static FileFormat resolveName(String name, Map<String, FileFormat> namedFormats) {
        Optional<FileFormatType> type = FileFormatType.fromName(name);
        if (type.isPresent()) {
            FileFormat format = defaults(type.get());
            if (type.get() == FileFormatType.NDJSON) {
                // Databend's default_by_type uses the struct default here, not the FILE_FORMAT = (...) one
                TreeMap<String, String> options = new TreeMap<>(format.options());
                options.put("null_field_as", "FIELD_DEFAULT");
                format = new FileFormat(type.get(), options);
            }
            return format;
        }
        FileFormat named = namedFormats.get(name);
        if (named == null) {
            throw new StowageException(ErrorCode.UNKNOWN_FILE_FORMAT, "Unknown file format '%s'.", name);
        }
        return named;
    }

    /** Turns a value as written into its stored text: escapes resolved, words upper-cased, NONE empty. */
    private static String normalize(String key, OptionValue value) {
        return switch (value.kind()) {
            case STRING -> unescape(value.text());
            case WORD -> value.text().equalsIgnoreCase("NONE") && !key.equals("compression")
                    ? "" : value.text().toUpperCase(Locale.ROOT);
            case BOOLEAN -> value.text().toLowerCase(Locale.ROOT);
            case NULL -> "NULL";
            case NUMBER, LIST -> value.text();
        };
    }

    /** Resolves the escapes Databend allows inside delimiter literals: \b \f \r \n \t \0 \xHH and \\. */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '0' -> out.append('\0');
                case '\\' -> out.append('\\');
                case 'x' -> {
                    if (i + 2 < text.length() && text.substring(i + 1, i + 3).matches("[0-9a-fA-F]{2}")) {
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                        i += 2;
                    } else {
                        out.append("\\x");
                    }
                }
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }

    private static Map<String, Spec> specs(Object... keysAndSpecs) {
        Map<String, Spec> specs = new LinkedHashMap<>();
        for (int i = 0; i < keysAndSpecs.length; i += 2) {
            specs.put((String) keysAndSpecs[i], (Spec) keysAndSpecs[i + 1]);
        }
        return specs;
    }

    private static Predicate<String> oneOf(String... allowed) {
        return oneOf(Set.of(allowed));
    }

    private static Predicate<String> oneOf(Set<String> allowed) {
        return value -> allowed.contains(value.toUpperCase(Locale.ROOT));
    }

    private static boolean isSingleSymbol(String value) {
        return value.length() == 1 && !Character.isLetterOrDigit(value.charAt(0));
    }

    private static boolean isRecordDelimiter(String value) {
        return value.equals("\r\n") || isSingleSymbol(value);
    }

    private static boolean isCount(String value) {
        return value.matches("[0-9]{1,18}");
    }

    private static boolean isBoolean(String value) {
        return value.equals("true") || value.equals("false");
    }
}
