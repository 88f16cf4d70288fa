package dev.actors.sample.carts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where a cart's state lives while its actor is passivated: loaded when the cart's actor activates, stored when it
 * closes.
 */
@Component
class CartStore {

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    CartStore(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** A stored cart. */
    record StoredCart(CartView.Status status, Map<String, Integer> items) {
    }

    StoredCart load(String cartId) {
        List<String> status = this.jdbc.sql("SELECT status FROM carts WHERE id = ?")
            .param(cartId)
            .query(String.class)
            .list();
        if (status.isEmpty()) {
            return new StoredCart(CartView.Status.NEW, new LinkedHashMap<>());
        }
        Map<String, Integer> items = new LinkedHashMap<>();
        this.jdbc.sql("SELECT sku, quantity FROM cart_items WHERE cart_id = ? ORDER BY position")
            .param(cartId)
            .query((row) -> {
                items.put(row.getString(1), row.getInt(2));
            });
        return new StoredCart(CartView.Status.valueOf(status.get(0)), items);
    }

    void save(String cartId, StoredCart cart) {
        this.transaction.executeWithoutResult((tx) -> {
            this.jdbc.sql("DELETE FROM cart_items WHERE cart_id = ?").param(cartId).update();
            this.jdbc.sql("DELETE FROM carts WHERE id = ?").param(cartId).update();
            this.jdbc.sql("INSERT INTO carts (id, status) VALUES (?, ?)").params(cartId, cart.status().name()).update();
            int position = 0;
            for (Map.Entry<String, Integer> item : cart.items().entrySet()) {
                this.jdbc.sql("INSERT INTO cart_items (cart_id, position, sku, quantity) VALUES (?, ?, ?, ?)")
                    .params(cartId, position++, item.getKey(), item.getValue())
                    .update();
            }
        });
    }
}
