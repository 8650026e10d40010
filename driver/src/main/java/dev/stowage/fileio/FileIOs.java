package dev.stowage.fileio;

import dev.stowage.connection.StorageType;
import dev.stowage.fileio.huggingface.HuggingFaceFileIO;
import dev.stowage.fileio.local.LocalFileIO;
import dev.stowage.fileio.opendal.OpenDalFileIO;
import java.util.Map;

/** Creates the {@link FileIO} for a location and a connection's parameters. */
public final class FileIOs {
    private FileIOs() {
    }

    /**
     * Opens {@code location} with the connection's Databend {@code parameters} (keys lower-cased, aliases allowed).
     *
     * @throws StorageException if the parameters cannot work for the location
     */
    public static FileIO open(Location location, Map<String, String> parameters, StorageSettings settings)
            throws StorageException {
        if (location.type() == StorageType.HUGGINGFACE) {
            // OpenDAL's huggingface service cannot be pointed at a mirror or a local server
            return HuggingFaceFileIO.open(location, parameters, settings);
        }
        if (location.type() == StorageType.FS) {
            return new LocalFileIO(location);
        }
        return OpenDalFileIO.open(location, parameters, settings);
    }
}
