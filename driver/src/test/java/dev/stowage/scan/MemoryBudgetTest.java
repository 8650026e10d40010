package dev.stowage.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** How the scans of a process share the memory budget of their units. */
class MemoryBudgetTest {
    private static final long KIB = 1024;

    @Test
    void aScanWaitsForMemoryOtherScansHold() throws Exception {
        MemoryBudget budget = new MemoryBudget(100 * KIB);
        MemoryBudget.Account first = budget.account();
        MemoryBudget.Account second = budget.account();
        long held = first.reserve(80 * KIB);
        long running = second.reserve(10 * KIB);

        CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> reserve(second, 30 * KIB));
        assertWaits(waiting);
        first.release(held);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(30);
        second.release(running);
    }

    @Test
    void aScanWithNothingUnderWayNeverWaits() throws Exception {
        MemoryBudget budget = new MemoryBudget(100 * KIB);
        budget.account().reserve(100 * KIB);
        // the budget is spent by another scan, which may be waiting for this one (a join): this one runs over it
        MemoryBudget.Account second = budget.account();
        assertThat(CompletableFuture.supplyAsync(() -> reserve(second, 50 * KIB)).get(5, TimeUnit.SECONDS))
                .isZero();
        // its next unit waits, and runs once the first one ends
        CompletableFuture<Long> next = CompletableFuture.supplyAsync(() -> reserve(second, 10 * KIB));
        assertWaits(next);
        second.release(0);
        assertThat(next.get(5, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aUnitLargerThanTheBudgetTakesAllOfIt() throws Exception {
        MemoryBudget budget = new MemoryBudget(100 * KIB);
        assertThat(budget.account().reserve(1000 * KIB)).isEqualTo(100);
    }

    @Test
    void closingAScanGivesBackWhatItsUnitsStillHold() throws Exception {
        MemoryBudget budget = new MemoryBudget(100 * KIB);
        MemoryBudget.Account closed = budget.account();
        long ended = closed.reserve(20 * KIB);
        long abandoned = closed.reserve(30 * KIB);
        closed.release(ended);
        assertThat(budget.available()).isEqualTo(70);
        // a unit the closing stopped before its end never releases
        closed.close();
        assertThat(budget.available()).isEqualTo(100);
        // nor does a late release give back twice
        closed.release(abandoned);
        assertThat(budget.available()).isEqualTo(100);
        assertThatThrownBy(() -> closed.reserve(KIB)).isInstanceOf(InterruptedException.class);
        assertThat(budget.available()).isEqualTo(100);
    }

    /** Fails unless the reservation is still waiting after a while; a reservation that must wait never completes. */
    private static void assertWaits(CompletableFuture<Long> reservation) throws Exception {
        try {
            Long reserved = reservation.get(200, TimeUnit.MILLISECONDS);
            throw new AssertionError("the reservation did not wait: " + reserved);
        } catch (TimeoutException expected) {
            assertThat(reservation).isNotDone();
        }
    }

    private static long reserve(MemoryBudget.Account account, long bytes) {
        try {
            return account.reserve(bytes);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
