package dev.actors.sample.inventory;

/**
 * The inventory actor's answer.
 *
 * @param sku the SKU
 * @param available the stock after the command (or the stock that was too small)
 * @param outcome what happened
 */
public record InventoryReply(String sku, int available, Outcome outcome) {

    /** What happened. */
    public enum Outcome {
        /** Done. */
        OK,
        /** The SKU is not known. */
        NOT_FOUND,
        /** Not enough stock for the reservation; nothing was taken. */
        INSUFFICIENT,
        /** The SKU is new and the inventory already holds {@code sample.inventory.max-skus}; nothing changed. */
        FULL
    }
}
