package dev.stowage.ddl;

import dev.stowage.calcite.SystemSchema;
import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.CreateMode;
import dev.stowage.catalog.StageDefinition;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.FileEntry;
import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.FileIOs;
import dev.stowage.fileio.Location;
import dev.stowage.fileio.StorageException;
import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatParser;
import dev.stowage.sql.ddl.SqlCreateStage;
import dev.stowage.sql.ddl.SqlDropObject;
import dev.stowage.sql.ddl.SqlOption;
import dev.stowage.sql.ddl.SqlRemoveStage;
import dev.stowage.stage.ConnectionParameters;
import dev.stowage.stage.StageFiles;
import dev.stowage.stage.StagePattern;
import dev.stowage.stage.StageReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CREATE STAGE and DROP STAGE, with Databend's rules: external stages copy their connection's parameters, and every
 * stage copies its file format (a named one included), so later changes to either do not reach it.
 */
final class StageStatements {
    private static final String RESERVED_NAME = "_databend_upload";

    private StageStatements() {
    }

    static void create(SystemSchema system, SqlCreateStage create) {
        Catalog catalog = system.catalog();
        String name = create.name();
        checkName(name);
        String subject = "create stage '" + name + "'";
        FileFormat format = create.fileFormat() == null ? FileFormat.DEFAULT
                : FileFormatParser.parse(SqlOption.toMap(create.fileFormat()), catalog.fileFormats());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StageDefinition stage;
        if (create.url() == null) {
            stage = new StageDefinition(name, null, new TreeMap<>(), format, create.comment(), system.user(), now);
        } else {
            Location location = Location.parse(create.url());
            checkDirectoryPath(create.url());
            Map<String, String> parameters = ConnectionParameters.resolve(catalog, location,
                    SqlOption.toMap(create.connection()), subject);
            checkConfiguration(system, location, parameters);
            stage = new StageDefinition(name, location.toString(), new TreeMap<>(parameters), format, create.comment(),
                    system.user(), now);
        }
        CreateMode mode = StowageDdlExecutor.createMode(create);
        boolean existed = catalog.stage(name).isPresent();
        Optional<StageDefinition> replaced = catalog.createStage(stage, mode);
        replaced.filter(StageDefinition::internal).ifPresent(old -> deleteFiles(system, old));
        if (stage.internal() && (!existed || replaced.isPresent())) {
            InternalDirectories.create(internalDirectory(system, name));
        }
    }

    static void drop(SystemSchema system, SqlDropObject drop) {
        Catalog catalog = system.catalog();
        Optional<StageDefinition> dropped = drop.ifExists() ? catalog.dropStageIfExists(drop.name())
                : Optional.of(catalog.dropStage(drop.name()));
        dropped.filter(StageDefinition::internal).ifPresent(stage -> deleteFiles(system, stage));
    }

    /** Deletes the files of a stage that the reference and pattern select. */
    static void remove(SystemSchema system, SqlRemoveStage remove) {
        StageReference reference = StageReference.parse(remove.reference());
        StageFiles files = system.stageFiles();
        StageDefinition stage = system.catalog().requireStage(reference.stage());
        StagePattern pattern = StagePattern.compile(remove.pattern());
        try (FileIO io = files.open(stage); Stream<FileEntry> matching = files.list(reference, pattern)) {
            for (FileEntry entry : (Iterable<FileEntry>) matching::iterator) {
                io.delete(entry.path());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path internalDirectory(SystemSchema system, String name) {
        return system.stageFiles().internalDirectory(name);
    }

    /** Builds the storage client once, as Databend does: configuration errors surface now, credentials later. */
    private static void checkConfiguration(SystemSchema system, Location location, Map<String, String> parameters) {
        try (FileIO io = FileIOs.open(location, parameters, system.storageSettings())) {
            io.location();
        } catch (StorageException e) {
            throw new StowageException(ErrorCode.INVALID_STORAGE_CONFIG,
                    "Input storage config for stage is invalid: %s", e.getMessage());
        }
    }

    private static void checkDirectoryPath(String url) {
        int schemeEnd = url.indexOf("://");
        String afterScheme = url.substring(schemeEnd + 3);
        int slash = afterScheme.startsWith("/") ? 0 : afterScheme.indexOf('/');
        String path = slash < 0 ? "" : afterScheme.substring(slash);
        if (!path.isEmpty() && !path.endsWith("/")) {
            throw new StowageException(ErrorCode.INVALID_PARAMETER,
                    "invalid input parameter (path in URL must end with '/' when CREATE STAGE. Got '%s'.)", path);
        }
    }

    private static void checkName(String name) {
        if (name.equals(RESERVED_NAME)) {
            throw new StowageException(ErrorCode.INVALID_STAGE_NAME,
                    "Can not create stage with name `%s`, which is reserved", name);
        }
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..") || name.isBlank()) {
            throw new StowageException(ErrorCode.INVALID_STAGE_NAME,
                    "Stage name '%s' must not be empty or contain '/', '\\\\', '.' or '..'.", name);
        }
    }

    private static void deleteFiles(SystemSchema system, StageDefinition stage) {
        InternalDirectories.delete(internalDirectory(system, stage.name()), "Stage '" + stage.name() + "'");
    }
}
