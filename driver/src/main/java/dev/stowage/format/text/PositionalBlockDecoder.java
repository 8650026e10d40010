package dev.stowage.format.text;

import dev.stowage.scan.BatchSink;
import dev.stowage.scan.RowSink;
import java.io.IOException;

/** Decodes the CSV or TSV blocks of one file into rows or column batches, as a {@link PositionalPlan} says. */
final class PositionalBlockDecoder implements BlockDecoder {
    private final PositionalPlan plan;
    private final DelimitedOptions options;
    private final String fileName;
    private final BlockParser parser;
    private PositionalBatchReceiver batches;

    PositionalBlockDecoder(PositionalPlan plan, DelimitedOptions options, String fileName) {
        this.plan = plan;
        this.options = options;
        this.fileName = fileName;
        this.parser = options.newParser();
    }

    @Override
    public boolean decode(TextBlock block, RowSink sink) throws IOException {
        if (plan.anyDeferred()) {
            // a row has nowhere to record a failure for its consumer to raise or not
            throw new IllegalStateException("deferred conversions are read only as column batches");
        }
        return parser.parse(block, new PositionalRowReceiver(plan, options, fileName, block.firstRecord(), sink));
    }

    @Override
    public boolean decodeBatches(TextBlock block, BatchSink sink) throws IOException {
        if (batches == null) {
            batches = new PositionalBatchReceiver(plan, options, fileName);
        }
        batches.startBlock(block.firstRecord(), sink);
        return parser.parse(block, batches) && batches.flush();
    }
}
