package dev.stowage.fileio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileIOTest extends FileIOContractTest {
    @TempDir
    Path directory;

    @Override
    protected FileIO newFileIO() throws Exception {
        return FileIOs.open(Location.parse("fs://" + directory + "/root/"), Map.of(), StorageSettings.DEFAULT);
    }

    @Test
    void filesLandInTheDirectory() throws Exception {
        io.write("sub/file.txt", new byte[] {'h', 'i'});
        assertThat(Files.readString(directory.resolve("root/sub/file.txt"))).isEqualTo("hi");
    }
}
