package dev.actors.sample.carts;

/**
 * What a cart actor is asked to do.
 */
public sealed interface CartCommand {

    /** Adds a quantity of a SKU to the cart. */
    record AddItem(String sku, int quantity) implements CartCommand {
    }

    /** Reads the cart. */
    record View() implements CartCommand {
    }

    /** Reserves every item through the inventory actor and closes the cart. */
    record Checkout() implements CartCommand {
    }
}
