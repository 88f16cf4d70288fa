package dev.actors.sample.inventory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.actors.sample.inventory.InventoryCommand.Get;
import dev.actors.sample.inventory.InventoryCommand.Reserve;
import dev.actors.sample.inventory.InventoryCommand.SetStock;
import dev.actors.sample.inventory.InventoryReply.Outcome;
import dev.actors.test.ActorTestKit;
import dev.actors.test.TestActor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory actor alone: no Spring, no threads, each command handled before the test goes on.
 */
class InventoryActorTests {

    private final ActorTestKit kit = ActorTestKit.create();

    private final TestActor<InventoryCommand, InventoryReply> inventory = this.kit.spawn("inventory",
            () -> new InventoryActor(new InventoryProperties(2)));

    @AfterEach
    void close() {
        this.kit.close();
    }

    @Test
    void reservesWhatIsThereAndRefusesMore() {
        this.inventory.cast(new SetStock("apple", 5));

        assertThat(this.inventory.ask(new Reserve("apple", 3))).isEqualTo(new InventoryReply("apple", 2, Outcome.OK));
        assertThat(this.inventory.ask(new Reserve("apple", 3)).outcome()).isEqualTo(Outcome.INSUFFICIENT);
        assertThat(this.inventory.ask(new Get("apple")).available()).isEqualTo(2);
    }

    @Test
    void refusesANewSkuOnceMaxSkusAreKnown() {
        this.inventory.cast(new SetStock("apple", 1));
        this.inventory.cast(new SetStock("pear", 1));

        assertThat(this.inventory.ask(new SetStock("plum", 1)).outcome()).isEqualTo(Outcome.FULL);
        assertThat(this.inventory.stats().handled()).isEqualTo(3);
    }
}
