package dev.actors.internal;

import org.junit.jupiter.api.Test;

import dev.actors.spi.RejectReason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counters alone (they are fields of the mailbox): each count lands in its own figure.
 */
class ActorCountersTests {

    @Test
    void eachCountLandsInItsOwnFigure() {
        ActorCounters counters = new Mailbox(1, false);
        counters.countHandled(3);
        counters.countFailed(2);
        counters.countExpired();
        counters.countRestart();
        counters.countRejected(RejectReason.FULL);
        counters.countRejected(RejectReason.CLOSED);
        counters.countRejected(RejectReason.CLOSED);
        assertThat(counters.handled()).isEqualTo(3);
        assertThat(counters.failed()).isEqualTo(2);
        assertThat(counters.expired()).isEqualTo(1);
        assertThat(counters.restarts()).isEqualTo(1);
        assertThat(counters.rejectedFull()).isEqualTo(1);
        assertThat(counters.rejectedClosed()).isEqualTo(2);
    }
}
