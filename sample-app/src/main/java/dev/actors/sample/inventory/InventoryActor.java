package dev.actors.sample.inventory;

import java.util.HashMap;
import java.util.Map;

import dev.actors.Actor;
import dev.actors.spring.ActorWorker;
import dev.actors.sample.inventory.InventoryReply.Outcome;

/**
 * An in-memory stock map as a service. A plain {@link HashMap} and no locks: the actor handles one command at a time,
 * so check-then-act (is there enough? then take it) cannot race. Bounded by {@code sample.inventory.max-skus}, since
 * clients create the SKUs.
 */
@ActorWorker("inventory")
class InventoryActor implements Actor<InventoryCommand, InventoryReply> {

    private final Map<String, Integer> stock = new HashMap<>();

    private final int maxSkus;

    InventoryActor(InventoryProperties properties) {
        this.maxSkus = properties.maxSkus();
    }

    @Override
    public InventoryReply handle(InventoryCommand command) {
        String sku = command.sku();
        if (command instanceof InventoryCommand.SetStock set) {
            if (!this.stock.containsKey(sku) && this.stock.size() >= this.maxSkus) {
                return new InventoryReply(sku, 0, Outcome.FULL);
            }
            this.stock.put(sku, set.quantity());
            return new InventoryReply(sku, set.quantity(), Outcome.OK);
        }
        Integer available = this.stock.get(sku);
        if (available == null) {
            return new InventoryReply(sku, 0, Outcome.NOT_FOUND);
        }
        if (command instanceof InventoryCommand.Reserve reserve) {
            if (reserve.quantity() > available) {
                return new InventoryReply(sku, available, Outcome.INSUFFICIENT);
            }
            available -= reserve.quantity();
            this.stock.put(sku, available);
        }
        else if (command instanceof InventoryCommand.Release release) {
            available += release.quantity();
            this.stock.put(sku, available);
        }
        return new InventoryReply(sku, available, Outcome.OK);
    }
}
