package dev.stowage.catalog.file;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.ConnectionDefinition;
import dev.stowage.catalog.CreateMode;
import java.nio.file.Path;
import java.util.Map;

/**
 * A second process writing to a catalog: {@code <home> <name prefix> <count>} creates that many connections, one
 * update each; a count of -1 writes until the process is killed.
 */
public final class CatalogWriterMain {
    private CatalogWriterMain() {
    }

    public static void main(String[] args) {
        Catalog catalog = new Catalog(FileCatalogStore.open(Path.of(args[0])));
        int count = Integer.parseInt(args[2]);
        for (int i = 0; count < 0 || i < count; i++) {
            catalog.createConnection(ConnectionDefinition.of(args[1] + i, "s3",
                    Map.of("access_key_id", "AKIA" + i, "secret_access_key", "child-secret-" + i)), CreateMode.FAIL_IF_EXISTS);
        }
    }
}
