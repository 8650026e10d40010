package dev.stowage.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lists, maps and structs read as JSON text, and whole rows as JSON objects. */
class ParquetNestedTest {
    private static final MessageType NESTED = ParquetFixtures.schema("""
            message nested {
              required int32 id;
              optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
              optional group legacy_ints (LIST) { repeated int32 array; }
              optional group legacy_structs (LIST) {
                repeated group array { required int32 x; optional binary y (STRING); }
              }
              optional group tuples (LIST) { repeated group tuples_tuple { required int32 a; } }
              repeated int32 bare;
              optional group attrs (MAP) {
                repeated group key_value { required binary key (STRING); optional int64 value; }
              }
              optional group by_id (MAP) {
                repeated group key_value {
                  required int32 key;
                  optional group value { required double x; optional binary note (STRING); }
                }
              }
              optional group legacy_map (MAP) {
                repeated group map (MAP_KEY_VALUE) { required binary key (UTF8); optional int32 value; }
              }
              optional group point {
                required double x;
                optional double y;
                optional group inner { optional binary s (STRING); repeated int32 r; }
              }
              optional group matrix (LIST) {
                repeated group list { optional group element (LIST) { repeated group list { optional int32 element; } } }
              }
              optional group moments (LIST) {
                repeated group list { optional int64 element (TIMESTAMP(MICROS,true)); }
              }
              optional group amounts (LIST) { repeated group list { optional binary element (DECIMAL(10,2)); } }
            }""");

    @RegisterExtension
    final ParquetFixtures fixtures = new ParquetFixtures();
    private final ParquetFormatReader reader = ParquetFixtures.reader(false);

    @Test
    void nestedColumnsAreNullableJsonText() throws Exception {
        SourceFile file = writeNested(WriterSettings.V1_DICTIONARY);

        List<Column> schema = reader.schema(file, 0);

        assertThat(schema.get(0)).isEqualTo(new Column("id", ColumnType.INTEGER, false));
        assertThat(schema.subList(1, schema.size())).allSatisfy(column -> {
            assertThat(column.type()).isEqualTo(ColumnType.VARCHAR);
            assertThat(column.nullable()).isTrue();
        });
        assertThat(schema).extracting(Column::name).containsExactly("id", "tags", "legacy_ints", "legacy_structs",
                "tuples", "bare", "attrs", "by_id", "legacy_map", "point", "matrix", "moments", "amounts");
    }

    @ParameterizedTest
    @EnumSource(WriterSettings.class)
    void listsMapsAndStructsReadAsJson(WriterSettings settings) throws Exception {
        SourceFile file = writeNested(settings);

        List<List<Object>> rows = ParquetFixtures.rows(reader, file,
                ParquetFixtures.allColumns(reader.schema(file, 0), List.of()));

        assertThat(rows).containsExactly(
                List.of(1,
                        "[\"a\",null,\"b\"]",
                        "[1,2]",
                        "[{\"x\":1,\"y\":\"p\"},{\"x\":2,\"y\":null}]",
                        "[{\"a\":7}]",
                        "[5,6]",
                        "{\"k1\":1,\"k2\":null}",
                        "{\"1\":{\"x\":0.5,\"note\":\"n\"},\"2\":null}",
                        "{\"m\":3}",
                        "{\"x\":1.5,\"y\":null,\"inner\":{\"s\":\"q\",\"r\":[1]}}",
                        "[[1,2],[],null,[3,null]]",
                        "[\"2024-01-31 12:34:56.789\",null]",
                        "[12.30,-0.05]"),
                Arrays.asList(2, "[]", null, null, null, "[]", "{}", null, null,
                        "{\"x\":2.0,\"y\":3.0,\"inner\":null}", "[]", null, null));
    }

    @Test
    void aNestedColumnAloneIsAssembledWithoutTheOthers() throws Exception {
        SourceFile file = writeNested(WriterSettings.V1_DICTIONARY);
        List<Column> schema = reader.schema(file, 0);
        ScanSpec spec = new ScanSpec(schema, List.of(new OutputColumn.Field(9, ColumnType.VARCHAR),
                new OutputColumn.Field(0, ColumnType.BIGINT), new OutputColumn.Field(1, ColumnType.VARCHAR)),
                List.of());

        assertThat(ParquetFixtures.rows(reader, file, spec)).containsExactly(
                List.of("{\"x\":1.5,\"y\":null,\"inner\":{\"s\":\"q\",\"r\":[1]}}", 1L, "[\"a\",null,\"b\"]"),
                List.of("{\"x\":2.0,\"y\":3.0,\"inner\":null}", 2L, "[]"));
    }

    @ParameterizedTest
    @EnumSource(WriterSettings.class)
    void wholeRowIsOneJsonObjectWithEveryColumn(WriterSettings settings) throws Exception {
        MessageType schema = wholeRowSchema();
        SimpleGroupFactory rows = ParquetFixtures.groups(schema);
        Group full = rows.newGroup();
        for (AllTypes column : AllTypes.ALL) {
            column.append(full);
        }
        Group tags = full.addGroup("tags");
        tags.addGroup("list").append("element", "x");
        tags.addGroup("list");
        full.addGroup("point").append("x", 0.25).addGroup("inner").append("r", 4).append("r", 5);
        Group empty = rows.newGroup();
        SourceFile file = fixtures.write("whole.parquet", schema, List.of(full, empty), settings.apply());

        List<Column> columns = reader.schema(file, 0);
        ScanSpec spec = new ScanSpec(columns, List.of(new OutputColumn.FileRowNumber(), new OutputColumn.WholeRow(),
                new OutputColumn.Field(1, ColumnType.INTEGER), new OutputColumn.FileName(),
                new OutputColumn.Field(columns.size() - 1, ColumnType.VARCHAR),
                new OutputColumn.Field(1, ColumnType.BIGINT)), List.of());

        StringBuilder fullJson = new StringBuilder("{");
        StringBuilder nullJson = new StringBuilder("{");
        for (AllTypes column : AllTypes.ALL) {
            fullJson.append('"').append(column.name()).append("\":").append(column.json()).append(',');
            nullJson.append('"').append(column.name()).append("\":null,");
        }
        fullJson.append("\"tags\":[\"x\",null],\"point\":{\"x\":0.25,\"y\":null,\"inner\":{\"s\":null,\"r\":[4,5]}}}");
        nullJson.append("\"tags\":null,\"point\":null}");
        assertThat(ParquetFixtures.rows(reader, file, spec)).containsExactly(
                List.of(0L, fullJson.toString(), -7, "whole.parquet",
                        "{\"x\":0.25,\"y\":null,\"inner\":{\"s\":null,\"r\":[4,5]}}", -7L),
                Arrays.asList(1L, nullJson.toString(), null, "whole.parquet", null, null));
    }

    @Test
    void wholeRowEscapesNamesAndKeepsNonFiniteFloatsAsStrings() throws Exception {
        MessageType schema = Types.buildMessage()
                .optional(PrimitiveTypeName.DOUBLE).named("we\"ird")
                .optional(PrimitiveTypeName.FLOAT).named("f")
                .optionalList().optionalElement(PrimitiveTypeName.DOUBLE).named("l")
                .named("m");
        SimpleGroupFactory rows = ParquetFixtures.groups(schema);
        Group row = rows.newGroup().append("we\"ird", Double.NaN).append("f", Float.NEGATIVE_INFINITY);
        row.addGroup("l").addGroup("list").append("element", Double.POSITIVE_INFINITY);
        SourceFile file = fixtures.write("odd.parquet", schema, List.of(row));

        ScanSpec spec = new ScanSpec(reader.schema(file, 0), List.of(new OutputColumn.WholeRow()), List.of());

        assertThat(ParquetFixtures.rows(reader, file, spec)).containsExactly(
                List.of("{\"we\\\"ird\":\"NaN\",\"f\":\"-Infinity\",\"l\":[\"Infinity\"]}"));
    }

    private static MessageType wholeRowSchema() {
        String flat = AllTypes.schema("optional");
        return ParquetFixtures.schema(flat.substring(0, flat.lastIndexOf('}'))
                + "  optional group tags (LIST) { repeated group list { optional binary element (STRING); } }\n"
                + "  optional group point { required double x; optional double y;"
                + " optional group inner { optional binary s (STRING); repeated int32 r; } }\n}");
    }

    private SourceFile writeNested(WriterSettings settings) throws Exception {
        SimpleGroupFactory rows = ParquetFixtures.groups(NESTED);
        Group first = rows.newGroup().append("id", 1);
        Group tags = first.addGroup("tags");
        tags.addGroup("list").append("element", "a");
        tags.addGroup("list");
        tags.addGroup("list").append("element", "b");
        first.addGroup("legacy_ints").append("array", 1).append("array", 2);
        Group structs = first.addGroup("legacy_structs");
        structs.addGroup("array").append("x", 1).append("y", "p");
        structs.addGroup("array").append("x", 2);
        first.addGroup("tuples").addGroup("tuples_tuple").append("a", 7);
        first.append("bare", 5).append("bare", 6);
        Group attrs = first.addGroup("attrs");
        attrs.addGroup("key_value").append("key", "k1").append("value", 1L);
        attrs.addGroup("key_value").append("key", "k2");
        Group byId = first.addGroup("by_id");
        byId.addGroup("key_value").append("key", 1).addGroup("value").append("x", 0.5).append("note", "n");
        byId.addGroup("key_value").append("key", 2);
        first.addGroup("legacy_map").addGroup("map").append("key", "m").append("value", 3);
        Group point = first.addGroup("point").append("x", 1.5);
        point.addGroup("inner").append("s", "q").append("r", 1);
        Group matrix = first.addGroup("matrix");
        Group row0 = matrix.addGroup("list").addGroup("element");
        row0.addGroup("list").append("element", 1);
        row0.addGroup("list").append("element", 2);
        matrix.addGroup("list").addGroup("element");
        matrix.addGroup("list");
        Group row3 = matrix.addGroup("list").addGroup("element");
        row3.addGroup("list").append("element", 3);
        row3.addGroup("list");
        Group moments = first.addGroup("moments");
        moments.addGroup("list").append("element", AllTypes.MOMENT_MICROS);
        moments.addGroup("list");
        Group amounts = first.addGroup("amounts");
        amounts.addGroup("list").append("element",
                AllTypes.binary(0x04, 0xce));
        amounts.addGroup("list").append("element", AllTypes.binary(0xfb));

        Group second = rows.newGroup().append("id", 2);
        second.addGroup("tags");
        second.addGroup("attrs");
        second.addGroup("point").append("x", 2.0).append("y", 3.0);
        second.addGroup("matrix");
        List<Group> all = new ArrayList<>(List.of(first, second));
        return fixtures.write("nested.parquet", NESTED, all, settings.apply());
    }
}
