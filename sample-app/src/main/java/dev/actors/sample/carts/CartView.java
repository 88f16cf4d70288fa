package dev.actors.sample.carts;

import java.util.Map;

/**
 * A cart as the cart actor shows it.
 *
 * @param id the cart's id
 * @param items quantity by SKU, in the order they were first added
 * @param status {@code NEW} (never touched), {@code OPEN}, or {@code CHECKED_OUT}
 * @param problem why the last command was refused, or {@code null}
 */
public record CartView(String id, Map<String, Integer> items, Status status, String problem) {

    /** Where a cart is in its life. */
    public enum Status {
        /** Never touched: nothing stored. */
        NEW,
        /** Items can be added. */
        OPEN,
        /** Checked out: its items are reserved, and it takes no more. */
        CHECKED_OUT
    }
}
