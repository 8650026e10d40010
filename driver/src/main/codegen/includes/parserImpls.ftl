<#--
// Databend's external-storage statements, added to Calcite's grammar.
-->

/* A stage reference such as @name, @name/dir/file.parquet or @name/year=2024/*.csv; a token in every lexical state. */
<DEFAULT, DQID, BTID, BQID, BQHID> TOKEN :
{
    < STAGE_REF: "@" (<LETTER>|<DIGIT>) (<LETTER>|<DIGIT>|"/"|"."|"-"|"_"|"*"|"="|"~")* >
}

boolean IfNotExistsOpt() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean IfExistsOpt() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/*
 * One storage option: key = 'value'. Only ENABLE_VIRTUAL_HOST_STYLE also takes a bare TRUE or FALSE (Databend's rule);
 * any other unquoted value is a syntax error.
 */
SqlStorageOption StorageOption() :
{
    final SqlIdentifier key;
    final String text;
    final SqlLiteral value;
}
{
    key = SimpleIdentifier() <EQ>
    (
        text = SimpleStringLiteral() { value = SqlLiteral.createCharString(text, getPos()); }
    |
        <TRUE> { value = SqlLiteral.createBoolean(true, getPos()); }
    |
        <FALSE> { value = SqlLiteral.createBoolean(false, getPos()); }
    )
    {
        if (value.getTypeName() == SqlTypeName.BOOLEAN && !SqlStorageOption.takesBareBoolean(key)) {
            throw StowageSqlNodes.parseError(value.getParserPosition(), "Option " + key
                + " takes a quoted string value; only " + SqlStorageOption.BARE_BOOLEAN_KEY
                + " accepts a bare TRUE or FALSE.");
        }
        return new SqlStorageOption(key.getParserPosition().plus(getPos()), key, value);
    }
}

/* CREATE [OR REPLACE] CONNECTION [IF NOT EXISTS] name STORAGE_TYPE = '<type>' [key = 'value' ...] (no commas) */
SqlCreate SqlCreateConnection(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
    final List<SqlNode> optionList = new ArrayList<SqlNode>();
    SqlStorageOption option;
}
{
    <CONNECTION> ifNotExists = IfNotExistsOpt()
    {
        if (replace && ifNotExists) {
            throw StowageSqlNodes.parseError(s.end(this),
                "option IF NOT EXISTS and OR REPLACE are incompatible.");
        }
    }
    id = SimpleIdentifier()
    option = StorageOption()
    {
        if (!option.isKey("storage_type")) {
            throw StowageSqlNodes.parseError(option.getParserPosition(),
                "CREATE CONNECTION " + id + " must be followed by STORAGE_TYPE = '<type>'.");
        }
        optionList.add(option);
    }
    (
        option = StorageOption() { optionList.add(option); }
    )*
    {
        return new SqlCreateConnection(s.end(this), replace, ifNotExists, id,
            new SqlNodeList(optionList, s.end(this)));
    }
}

/* DROP CONNECTION [IF EXISTS] name */
SqlDrop SqlDropConnection(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
}
{
    <CONNECTION> ifExists = IfExistsOpt() id = SimpleIdentifier()
    {
        return new SqlDropObject(s.end(this), SqlDropObject.ObjectKind.CONNECTION, ifExists, id);
    }
}

/* SHOW CONNECTIONS, a query over system.connections */
SqlNode SqlShowConnections() :
{
    final Span s;
}
{
    <SHOW> { s = span(); } <CONNECTIONS>
    {
        return StowageSqlNodes.showConnections(s.end(this));
    }
}

/* { DESC | DESCRIBE } CONNECTION name, a query over system.describe_connection('name') */
SqlNode SqlDescribeConnection() :
{
    final Span s;
    final SqlIdentifier id;
}
{
    ( <DESC> | <DESCRIBE> ) { s = span(); } <CONNECTION> id = SimpleIdentifier()
    {
        return StowageSqlNodes.describeConnection(id, s.end(this));
    }
}

/*
 * One option of CONNECTION = (...) or FILE_FORMAT = (...): key = 'string' | number | TRUE | FALSE | NULL | NONE
 * | bare word | ('a', 'b').
 */
SqlOption GenericOption() :
{
    final SqlIdentifier key;
    final SqlIdentifier word;
    String text;
    final List<String> texts = new ArrayList<String>();
    final OptionValue value;
}
{
    (
        key = SimpleIdentifier()
    |
        // ESCAPE is a reserved word of SQL and the name of a CSV option
        <ESCAPE> { key = new SqlIdentifier("ESCAPE", getPos()); }
    )
    <EQ>
    (
        text = SimpleStringLiteral() { value = OptionValue.of(OptionValue.Kind.STRING, text); }
    |
        <UNSIGNED_INTEGER_LITERAL> { value = OptionValue.of(OptionValue.Kind.NUMBER, token.image); }
    |
        <TRUE> { value = OptionValue.of(OptionValue.Kind.BOOLEAN, "true"); }
    |
        <FALSE> { value = OptionValue.of(OptionValue.Kind.BOOLEAN, "false"); }
    |
        <NULL> { value = OptionValue.of(OptionValue.Kind.NULL, "NULL"); }
    |
        <NONE> { value = OptionValue.of(OptionValue.Kind.WORD, "NONE"); }
    |
        word = SimpleIdentifier() { value = OptionValue.of(OptionValue.Kind.WORD, word.getSimple()); }
    |
        <LPAREN> text = SimpleStringLiteral() { texts.add(text); }
        ( <COMMA> text = SimpleStringLiteral() { texts.add(text); } )*
        <RPAREN> { value = new OptionValue(OptionValue.Kind.LIST, texts); }
    )
    {
        return new SqlOption(key.getParserPosition().plus(getPos()), key, value);
    }
}

/* option [,] option ... (possibly none), added to list: the body of GenericOptionList and of CREATE FILE FORMAT */
void GenericOptions(List<SqlNode> list) :
{
    SqlOption option;
}
{
    (
        option = GenericOption() { list.add(option); }
        [ <COMMA> ]
    )*
}

/* ( option [,] option ... ) */
SqlNodeList GenericOptionList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    GenericOptions(list)
    <RPAREN>
    {
        return new SqlNodeList(list, s.end(this));
    }
}

/*
 * CREATE [OR REPLACE] STAGE [IF NOT EXISTS] name [[URL =] '<uri>' [CONNECTION = (...)]]
 *     [FILE_FORMAT = (...)] [{COMMENT | COMMENTS} = '<text>']
 */
SqlCreate SqlCreateStage(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
    String url = null;
    SqlNodeList connection = null;
    SqlNodeList fileFormat = null;
    String comment = null;
    SqlIdentifier key;
    String text;
    SqlNodeList list;
}
{
    <STAGE> ifNotExists = IfNotExistsOpt()
    {
        if (replace && ifNotExists) {
            throw StowageSqlNodes.parseError(s.end(this),
                "option IF NOT EXISTS and OR REPLACE are incompatible.");
        }
    }
    id = SimpleIdentifier()
    [ url = SimpleStringLiteral() ]
    (
        key = SimpleIdentifier() <EQ>
        (
            text = SimpleStringLiteral()
            {
                String textKey = key.getSimple().toUpperCase(java.util.Locale.ROOT);
                if (textKey.equals("URL") && url == null) {
                    url = text;
                } else if ((textKey.equals("COMMENT") || textKey.equals("COMMENTS")) && comment == null) {
                    comment = text;
                } else {
                    throw StowageSqlNodes.parseError(key.getParserPosition(),
                        "Unexpected option " + key + " in CREATE STAGE.");
                }
            }
        |
            list = GenericOptionList()
            {
                String listKey = key.getSimple().toUpperCase(java.util.Locale.ROOT);
                if (listKey.equals("CONNECTION") && connection == null) {
                    connection = list;
                } else if (listKey.equals("FILE_FORMAT") && fileFormat == null) {
                    fileFormat = list;
                } else {
                    throw StowageSqlNodes.parseError(key.getParserPosition(),
                        "Unexpected option " + key + " in CREATE STAGE.");
                }
            }
        )
        [ <COMMA> ]
    )*
    {
        if (connection != null && url == null) {
            throw StowageSqlNodes.parseError(s.end(this),
                "CONNECTION needs the stage's URL: CREATE STAGE " + id + " URL = '<uri>' CONNECTION = (...).");
        }
        return new SqlCreateStage(s.end(this), replace, ifNotExists, id, url, connection, fileFormat, comment);
    }
}

/* DROP STAGE [IF EXISTS] name */
SqlDrop SqlDropStage(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
}
{
    <STAGE> ifExists = IfExistsOpt() id = SimpleIdentifier()
    {
        return new SqlDropObject(s.end(this), SqlDropObject.ObjectKind.STAGE, ifExists, id);
    }
}

/* SHOW STAGES [LIKE '<pattern>'], a query over system.stages */
SqlNode SqlShowStages() :
{
    final Span s;
    String pattern = null;
}
{
    <SHOW> { s = span(); } <STAGES>
    [ <LIKE> pattern = SimpleStringLiteral() ]
    {
        return StowageSqlNodes.showStages(pattern, s.end(this));
    }
}

/* { DESC | DESCRIBE } STAGE name, a query over system.stages */
SqlNode SqlDescribeStage() :
{
    final Span s;
    final SqlIdentifier id;
}
{
    ( <DESC> | <DESCRIBE> ) { s = span(); } <STAGE> id = SimpleIdentifier()
    {
        return StowageSqlNodes.describeStage(id, s.end(this));
    }
}

/* CREATE [OR REPLACE] FILE FORMAT [IF NOT EXISTS] name option [,] option ... (FILE_FORMAT's options, no parentheses) */
SqlCreate SqlCreateFileFormat(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <FILE> <FORMAT> ifNotExists = IfNotExistsOpt()
    {
        if (replace && ifNotExists) {
            throw StowageSqlNodes.parseError(s.end(this),
                "option IF NOT EXISTS and OR REPLACE are incompatible.");
        }
    }
    id = SimpleIdentifier()
    GenericOptions(list)
    {
        return new SqlCreateFileFormat(s.end(this), replace, ifNotExists, id, list);
    }
}

/* DROP FILE FORMAT [IF EXISTS] name */
SqlDrop SqlDropFileFormat(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
}
{
    <FILE> <FORMAT> ifExists = IfExistsOpt() id = SimpleIdentifier()
    {
        return new SqlDropObject(s.end(this), SqlDropObject.ObjectKind.FILE_FORMAT, ifExists, id);
    }
}

/* SHOW FILE FORMATS, a query over system.file_formats */
SqlNode SqlShowFileFormats() :
{
    final Span s;
}
{
    <SHOW> { s = span(); } <FILE> <FORMATS>
    {
        return StowageSqlNodes.showFileFormats(s.end(this));
    }
}

/* @stage/path, or '@stage/path' quoted when the path holds spaces or quotes */
String StageLocation() :
{
    final String text;
}
{
    <STAGE_REF> { return token.image; }
|
    text = SimpleStringLiteral() { return text; }
}

/* [PATTERN = '<regex>'] */
String PatternOpt() :
{
    final String pattern;
}
{
    <PATTERN> <EQ> pattern = SimpleStringLiteral() { return pattern; }
|
    { return null; }
}

/* LIST @stage[/path] [PATTERN = '<regex>'], a query over system.list_stage */
SqlNode SqlListStage() :
{
    final Span s;
    final String location;
    final String pattern;
}
{
    <LIST> { s = span(); } location = StageLocation() pattern = PatternOpt()
    {
        return StowageSqlNodes.listStage(location, pattern, s.end(this));
    }
}

/* REMOVE @stage[/path] [PATTERN = '<regex>'] */
SqlNode SqlRemoveStage() :
{
    final Span s;
    final String location;
    final String pattern;
}
{
    <REMOVE> { s = span(); } location = StageLocation() pattern = PatternOpt()
    {
        return new SqlRemoveStage(s.end(this), location, pattern);
    }
}

/* PRESIGN [DOWNLOAD | UPLOAD] @stage/file [EXPIRE = <seconds>] [CONTENT_TYPE = '<mime>'] */
SqlNode SqlPresign() :
{
    final Span s;
    SqlIdentifier word;
    String action = "DOWNLOAD";
    final String location;
    String expire = "3600";
}
{
    <PRESIGN> { s = span(); }
    [
        word = SimpleIdentifier()
        {
            action = word.getSimple().toUpperCase(java.util.Locale.ROOT);
            if (!action.equals("DOWNLOAD") && !action.equals("UPLOAD")) {
                throw StowageSqlNodes.parseError(word.getParserPosition(),
                    "PRESIGN takes DOWNLOAD or UPLOAD, not " + word + ".");
            }
        }
    ]
    location = StageLocation()
    (
        word = SimpleIdentifier() <EQ>
        (
            <UNSIGNED_INTEGER_LITERAL>
            {
                if (!word.getSimple().equalsIgnoreCase("EXPIRE")) {
                    throw StowageSqlNodes.parseError(word.getParserPosition(), "Unexpected option " + word + ".");
                }
                expire = token.image;
            }
        |
            SimpleStringLiteral()
            {
                if (!word.getSimple().equalsIgnoreCase("CONTENT_TYPE")) {
                    throw StowageSqlNodes.parseError(word.getParserPosition(), "Unexpected option " + word + ".");
                }
            }
        )
    )*
    {
        return StowageSqlNodes.presign(location, action, expire, s.end(this));
    }
}

/*
 * The name of a named argument: an identifier, or PATTERN, a reserved word Databend's table functions use. Unquoted
 * names are upper-cased, as Calcite names the parameters of its built-in functions, so LOCATION => and location =>
 * both work whatever the connection's casing settings.
 */
SqlIdentifier ArgumentName() :
{
    final SqlIdentifier name;
}
{
    name = SimpleIdentifier()
    {
        return name.getParserPosition().isQuoted() ? name
            : new SqlIdentifier(name.getSimple().toUpperCase(java.util.Locale.ROOT), name.getParserPosition());
    }
|
    <PATTERN> { return new SqlIdentifier("PATTERN", getPos()); }
}

/*
 * Staged files as a table: @stage[/path], or a quoted '@stage/path' or '<uri>', with Databend's optional arguments
 * ( name => value [,] ... ). CONNECTION => ( key = 'value' ... ) takes connection options and FILES => ('a', 'b')
 * a list of files; every other argument is an expression.
 */
SqlNode StageTableRef() :
{
    Span s;
    final String ref;
    final List<SqlNode> args = new ArrayList<SqlNode>();
}
{
    (
        <STAGE_REF> { s = span(); ref = token.image; }
    |
        ref = SimpleStringLiteral() { s = span(); }
    )
    [
        LOOKAHEAD(3) <LPAREN> StageTableArgument(args)
        ( [ <COMMA> ] StageTableArgument(args) )* <RPAREN>
    ]
    {
        return StowageSqlNodes.stageTableRef(ref, args, s.end(this));
    }
}

/* name => value, added to args as an argument assignment */
void StageTableArgument(List<SqlNode> args) :
{
    final SqlIdentifier name;
    final SqlNodeList connectionOptions;
    final SqlNode value;
    String text;
    final List<String> files = new ArrayList<String>();
}
{
    name = ArgumentName() <NAMED_ARGUMENT_ASSIGNMENT>
    (
        LOOKAHEAD({ name.getSimple().equalsIgnoreCase("CONNECTION") })
        connectionOptions = GenericOptionList() { args.add(StowageSqlNodes.connectionArgument(name, connectionOptions)); }
    |
        LOOKAHEAD({ name.getSimple().equalsIgnoreCase("FILES") })
        <LPAREN> text = SimpleStringLiteral() { files.add(text); }
        ( <COMMA> text = SimpleStringLiteral() { files.add(text); } )*
        <RPAREN> { args.add(StowageSqlNodes.filesArgument(name, files)); }
    |
        value = Expression(ExprContext.ACCEPT_NON_QUERY)
        {
            args.add(SqlStdOperatorTable.ARGUMENT_ASSIGNMENT.createCall(name.getParserPosition().plus(getPos()),
                value, name));
        }
    )
}

/** The cast {@code value::type}: an infix operator whose right operand is a data type, not an expression. */
void InfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlDataTypeSpec targetType;
}
{
    <INFIX_CAST> { checkNonQueryExpression(exprContext); }
    targetType = DataType() {
        list.add(new SqlParserUtil.ToTreeListItem(SqlLibraryOperators.INFIX_CAST, s.pos()));
        list.add(targetType);
    }
}

/* column type [NULL | NOT NULL], added to list */
void TableColumn(List<SqlNode> list) :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    final boolean nullable;
}
{
    name = SimpleIdentifier() type = DataType() nullable = NullableOptDefaultTrue()
    {
        list.add(SqlDdlNodes.column(name.getParserPosition().plus(getPos()), name,
            type.withNullable(nullable), null, nullable ? ColumnStrategy.NULLABLE : ColumnStrategy.NOT_NULLABLE));
    }
}

/*
 * CREATE [OR REPLACE] TABLE [IF NOT EXISTS] [db.]name ( column type [NULL | NOT NULL] [, ...] )
 *     [ENGINE = FUSE] ['<uri>/' [CONNECTION = (...)]] [FILE_FORMAT = (...)]
 */
SqlCreate SqlCreateTable(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
    final Span columnSpan;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    String url = null;
    SqlNodeList connection = null;
    SqlNodeList fileFormat = null;
    SqlIdentifier key;
    SqlIdentifier word;
    String text;
    SqlNodeList list;
}
{
    <TABLE> ifNotExists = IfNotExistsOpt()
    {
        if (replace && ifNotExists) {
            throw StowageSqlNodes.parseError(s.end(this),
                "option IF NOT EXISTS and OR REPLACE are incompatible.");
        }
    }
    id = CompoundIdentifier()
    <LPAREN> { columnSpan = span(); }
    TableColumn(columns) ( <COMMA> TableColumn(columns) )*
    <RPAREN>
    (
        text = SimpleStringLiteral()
        {
            if (url != null) {
                throw StowageSqlNodes.parseError(getPos(), "CREATE TABLE takes one location.");
            }
            url = text;
        }
    |
        key = SimpleIdentifier() <EQ>
        (
            list = GenericOptionList()
            {
                String listKey = key.getSimple().toUpperCase(java.util.Locale.ROOT);
                if (listKey.equals("CONNECTION") && connection == null) {
                    connection = list;
                } else if (listKey.equals("FILE_FORMAT") && fileFormat == null) {
                    fileFormat = list;
                } else {
                    throw StowageSqlNodes.parseError(key.getParserPosition(),
                        "Unexpected option " + key + " in CREATE TABLE.");
                }
            }
        |
            word = SimpleIdentifier()
            {
                if (!key.getSimple().equalsIgnoreCase("ENGINE")) {
                    throw StowageSqlNodes.parseError(key.getParserPosition(),
                        "Unexpected option " + key + " in CREATE TABLE.");
                }
                if (!word.getSimple().equalsIgnoreCase("FUSE")) {
                    throw StowageSqlNodes.parseError(word.getParserPosition(),
                        "Engine " + word + " is not supported; tables use ENGINE = FUSE.");
                }
            }
        )
    )*
    {
        if (connection != null && url == null) {
            throw StowageSqlNodes.parseError(s.end(this),
                "CONNECTION needs the table's location: CREATE TABLE " + id + " (...) '<uri>/' CONNECTION = (...).");
        }
        return new SqlCreateTable(s.end(this), replace, ifNotExists, id,
            new SqlNodeList(columns, columnSpan.end(this)), url, connection, fileFormat);
    }
}

/* DROP TABLE [IF EXISTS] [db.]name [ALL] */
SqlDrop SqlDropTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
}
{
    <TABLE> ifExists = IfExistsOpt() id = CompoundIdentifier() [ <ALL> ]
    {
        return new SqlDropObject(s.end(this), SqlDropObject.ObjectKind.TABLE, ifExists, id);
    }
}

/* TRUNCATE TABLE [db.]name */
SqlNode SqlTruncateTable() :
{
    final Span s;
    final SqlIdentifier id;
}
{
    <TRUNCATE> { s = span(); } <TABLE> id = CompoundIdentifier()
    {
        return new SqlTruncateTable(s.end(this), id);
    }
}

/* ALTER TABLE [IF EXISTS] [db.]name CONNECTION = ( ... ) */
SqlNode SqlAlterTableConnection() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier id;
    final SqlIdentifier key;
    final SqlNodeList connection;
}
{
    <ALTER> { s = span(); } <TABLE> ifExists = IfExistsOpt() id = CompoundIdentifier()
    key = SimpleIdentifier()
    {
        if (!key.getSimple().equalsIgnoreCase("CONNECTION")) {
            throw StowageSqlNodes.parseError(key.getParserPosition(),
                "ALTER TABLE supports only CONNECTION = (...); got " + key + ".");
        }
    }
    <EQ> connection = GenericOptionList()
    {
        return new SqlAlterTableConnection(s.end(this), ifExists, id, connection);
    }
}

/* SHOW CREATE TABLE [db.]name, a query over system.show_create_table */
SqlNode SqlShowCreateTable() :
{
    final Span s;
    final SqlIdentifier id;
}
{
    <SHOW> { s = span(); } <CREATE> <TABLE> id = CompoundIdentifier()
    {
        return StowageSqlNodes.showCreateTable(id, s.end(this));
    }
}

/*
 * The options of COPY INTO, in any order: FILES = ('a', ...), PATTERN = '<regex>', FILE_FORMAT = (...),
 * CONNECTION = (...), and key = value. Nested lists go to nested, keyed by upper-case name; the rest to options.
 */
void CopyOptions(List<SqlNode> optionList, Map<String, SqlNodeList> nested) :
{
    SqlIdentifier key;
    SqlNodeList list;
    String text;
    SqlOption option;
}
{
    (
        LOOKAHEAD(SimpleIdentifier() <EQ> <LPAREN> (SimpleIdentifier() | <ESCAPE> | <RPAREN>))
        key = SimpleIdentifier() <EQ> list = GenericOptionList()
        {
            String name = key.getSimple().toUpperCase(java.util.Locale.ROOT);
            if (nested.containsKey(name)) {
                throw StowageSqlNodes.parseError(key.getParserPosition(), "Option " + key + " is given twice.");
            }
            nested.put(name, list);
        }
    |
        <PATTERN> <EQ> text = SimpleStringLiteral()
        {
            optionList.add(new SqlOption(getPos(), new SqlIdentifier("PATTERN", getPos()),
                OptionValue.of(OptionValue.Kind.STRING, text)));
        }
    |
        option = GenericOption() { optionList.add(option); }
    )
    [ <COMMA> ]
}

/*
 * COPY INTO [db.]table FROM { @stage[/path] | '<uri>' } [options]: loads staged files into a table.
 * COPY INTO { @stage[/path] | '<uri>' } [CONNECTION = (...)] FROM { [db.]table | ( query ) } [options]: unloads.
 * Both become queries over a system table function, whose rows report what was copied.
 */
SqlNode SqlCopyInto() :
{
    final Span s;
    SqlIdentifier table = null;
    String location = null;
    SqlNode query = null;
    String queryText = null;
    Token first;
    final List<SqlNode> optionList = new ArrayList<SqlNode>();
    final Map<String, SqlNodeList> nested = new java.util.LinkedHashMap<String, SqlNodeList>();
}
{
    <COPY> { s = span(); } <INTO>
    (
        location = StageLocation()
        ( CopyOptions(optionList, nested) )*
        <FROM>
        (
            <LPAREN> { first = getToken(1); }
            query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
            {
                queryText = StowageSqlNodes.sourceText(getOriginalSql(), query, first.beginLine, first.beginColumn,
                    token.endLine, token.endColumn);
            }
            <RPAREN>
        |
            table = CompoundIdentifier()
        )
        ( CopyOptions(optionList, nested) )*
        {
            return StowageSqlNodes.copyIntoLocation(location, table, queryText, optionList, nested, s.end(this));
        }
    |
        table = CompoundIdentifier() <FROM> location = StageLocation()
        ( CopyOptions(optionList, nested) )*
        {
            return StowageSqlNodes.copyIntoTable(table, location, optionList, nested, s.end(this));
        }
    )
}

/* SHOW TABLES [{FROM | IN} default] [LIKE '<pattern>'], a query over system.tables */
SqlNode SqlShowTables() :
{
    final Span s;
    SqlIdentifier database = null;
    String pattern = null;
}
{
    <SHOW> { s = span(); } <TABLES>
    [
        ( <FROM> | <IN> )
        (
            <DEFAULT_> { database = new SqlIdentifier("default", getPos()); }
        |
            database = SimpleIdentifier()
        )
    ]
    [ <LIKE> pattern = SimpleStringLiteral() ]
    {
        return StowageSqlNodes.showTables(database, pattern, s.end(this));
    }
}

/*
 * DESC [TABLE] [db.]name, a query over system.describe_table. DESCRIBE stays Calcite's (DESCRIBE TABLE, SCHEMA,
 * STATEMENT), whose grammar overlaps.
 */
SqlNode SqlDescribeTable() :
{
    final Span s;
    final SqlIdentifier id;
}
{
    <DESC> { s = span(); } [ <TABLE> ] id = CompoundIdentifier()
    {
        return StowageSqlNodes.describeTable(id, s.end(this));
    }
}
