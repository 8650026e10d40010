package dev.stowage.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Queries over {@code fs://} stages. */
class LocalStageQueryTest extends StageQueryContractTest {
    private Path directory(String stage) {
        return scratch.resolve("stages").resolve(stage);
    }

    @Override
    String createStage(String name) throws Exception {
        Files.createDirectories(directory(name));
        return "CREATE STAGE " + name + " URL = 'fs://" + directory(name) + "/'";
    }

    @Override
    void put(String stage, String path, Path file) throws Exception {
        Path target = directory(stage).resolve(path);
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
