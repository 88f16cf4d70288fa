package dev.actors.sample.inventory;

/**
 * What the inventory actor is asked to do.
 */
public sealed interface InventoryCommand {

    /** The SKU the command is about. */
    String sku();

    /** Sets the stock of a SKU, creating it if needed. */
    record SetStock(String sku, int quantity) implements InventoryCommand {
    }

    /** Takes some stock, if there is enough. */
    record Reserve(String sku, int quantity) implements InventoryCommand {
    }

    /** Gives back stock taken by a reservation that is undone. */
    record Release(String sku, int quantity) implements InventoryCommand {
    }

    /** Reads the stock. */
    record Get(String sku) implements InventoryCommand {
    }
}
