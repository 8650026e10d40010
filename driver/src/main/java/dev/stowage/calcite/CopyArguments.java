package dev.stowage.calcite;

import dev.stowage.catalog.Catalog;
import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatParser;
import dev.stowage.format.OptionValue;
import dev.stowage.sql.StageTableArguments;
import dev.stowage.stage.FileSelection;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.FunctionParameter;

/**
 * What both COPY INTO functions take besides their first two arguments: the statement's options, the staged files
 * (a stage with a path, or a URI with CONNECTION) and their format (FILE_FORMAT, else the stage's, else Parquet).
 *
 * @param options the scalar options, keys lower-case
 * @param selection the files, or for an unload the directory written to
 * @param format the files' format
 */
record CopyArguments(Map<String, OptionValue> options, FileSelection selection, FileFormat format) {
    /** Returns the parameters of a COPY function whose first two are {@code first} and {@code second}. */
    static List<FunctionParameter> parameters(String first, String second) {
        return MacroParameters.of(List.of(
                new MacroParameters.Spec(first, String.class, false),
                new MacroParameters.Spec(second, String.class, false),
                new MacroParameters.Spec("OPTIONS", String.class, false),
                new MacroParameters.Spec("FILE_FORMAT", String.class, true),
                new MacroParameters.Spec("CONNECTION", String.class, true)));
    }

    /**
     * Resolves the arguments of a COPY function.
     *
     * @param location the staged location
     * @param arguments all arguments of the function, in {@link #parameters} order
     * @param subject what the statement does, for messages
     */
    static CopyArguments of(Catalog catalog, String location, List<? extends Object> arguments, String subject) {
        Map<String, OptionValue> options = StageTableArguments.decodeOptions((String) arguments.get(2));
        OptionValue pattern = options.get("pattern");
        OptionValue files = options.get("files");
        FileSelection selection = FileSelection.resolve(catalog, location,
                StageTableArguments.decodeOptions((String) arguments.get(4)), pattern == null ? null : pattern.text(),
                files == null ? null : files.values(), subject);
        String formatText = (String) arguments.get(3);
        FileFormat format = formatText == null ? selection.stage().fileFormat()
                : FileFormatParser.parse(StageTableArguments.decodeOptions(formatText), catalog.fileFormats());
        return new CopyArguments(options, selection, format);
    }
}
