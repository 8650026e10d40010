package dev.stowage.bench;

/** The benchmark's queries, named by what they do; each {@link Engine} spells them in its own SQL. */
enum Query {
    CSV_AGGREGATE("CSV aggregate", Format.CSV, Shape.AGGREGATE),
    CSV_AGGREGATE_FILTERED("CSV aggregate, a < 1000", Format.CSV, Shape.FILTERED_AGGREGATE),
    PARQUET_AGGREGATE("Parquet aggregate", Format.PARQUET, Shape.AGGREGATE),
    PARQUET_AGGREGATE_FILTERED("Parquet aggregate, a < 1000", Format.PARQUET, Shape.FILTERED_AGGREGATE),
    CSV_LIMIT("CSV LIMIT 10", Format.CSV, Shape.LIMIT),
    PARQUET_LIMIT("Parquet LIMIT 10", Format.PARQUET, Shape.LIMIT);

    /** The file a query reads. */
    enum Format {
        CSV,
        PARQUET
    }

    /** What a query returns, which decides how its answer is checked. */
    enum Shape {
        /** one row: count(*), sum(a), avg(b) over every row */
        AGGREGATE,
        /** one row: count(*), sum(a), avg(b) over the rows with a &lt; 1000 */
        FILTERED_AGGREGATE,
        /** the first ten rows */
        LIMIT
    }

    final String label;
    final Format format;
    final Shape shape;

    Query(String label, Format format, Shape shape) {
        this.label = label;
        this.format = format;
        this.shape = shape;
    }
}
