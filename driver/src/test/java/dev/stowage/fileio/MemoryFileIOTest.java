package dev.stowage.fileio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryFileIOTest extends FileIOContractTest {
    @Override
    protected FileIO newFileIO() throws Exception {
        return FileIOs.open(Location.memory("contract"), Map.of(), StorageSettings.DEFAULT);
    }

    @Test
    void memoryIsNotAStorageTypeUsersCanName() {
        assertThatThrownBy(() -> Location.parse("memory://x/")).hasMessageContaining("memory is not supported yet");
        assertThat(Location.memory("m").toString()).isEqualTo("memory://m/");
    }
}
