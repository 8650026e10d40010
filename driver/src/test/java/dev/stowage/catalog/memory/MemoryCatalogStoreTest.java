package dev.stowage.catalog.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.CatalogStore;
import dev.stowage.catalog.CatalogStoreContractTest;
import dev.stowage.catalog.CreateMode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MemoryCatalogStoreTest extends CatalogStoreContractTest {
    @Override
    protected CatalogStore newStore() {
        return MemoryCatalogStore.anonymous();
    }

    @Test
    void namedStoresAreSharedAndAnonymousOnesAreNot() {
        String name = UUID.randomUUID().toString();
        new Catalog(MemoryCatalogStore.named(name)).createConnection(s3("c", "s"), CreateMode.FAIL_IF_EXISTS);
        assertThat(new Catalog(MemoryCatalogStore.named(name)).connection("c")).isPresent();
        assertThat(new Catalog(MemoryCatalogStore.named(name + "-other")).connections()).isEmpty();
        assertThat(new Catalog(MemoryCatalogStore.anonymous()).connections()).isEmpty();
    }
}
