package dev.stowage.sql.parser.impl;

import dev.stowage.sql.StageColumnUsage;
import java.io.Reader;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.util.SourceStringReader;

/**
 * Stowage's SQL parser: Calcite's grammar extended with Databend's statements (generated as
 * {@link StowageParserImpl}), plus the one step a grammar rule cannot take, because it needs the whole statement:
 * telling staged-file tables which {@code $n} and {@code METADATA$} columns the statement uses
 * ({@link StageColumnUsage}). It lives in the generated package to size the generated lexer's buffer.
 */
public final class StowageParser extends StowageParserImpl {
    private StowageParser(Reader reader) {
        super(reader);
    }

    /** Returns a parser of {@code reader}'s text. */
    public static SqlAbstractParserImpl create(Reader reader) {
        StowageParser parser = new StowageParser(reader);
        if (reader instanceof SourceStringReader source) {
            String sql = source.getSourceString();
            parser.setOriginalSql(sql);
            // a buffer the size of the statement: the default one grows in small steps, quadratic for long statements
            parser.jj_input_stream.ReInit(reader, 1, 1, sql.length());
        }
        return parser;
    }

    @Override
    public SqlNode parseSqlStmtEof() throws Exception {
        return StageColumnUsage.annotate(super.parseSqlStmtEof());
    }

    @Override
    public SqlNodeList parseSqlStmtList() throws Exception {
        SqlNodeList statements = super.parseSqlStmtList();
        statements.forEach(StageColumnUsage::annotate);
        return statements;
    }
}
