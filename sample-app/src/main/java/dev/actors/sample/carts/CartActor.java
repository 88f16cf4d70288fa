package dev.actors.sample.carts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.actors.Actor;
import dev.actors.ActorHandle;
import dev.actors.ActorKey;
import dev.actors.sample.inventory.InventoryCommand;
import dev.actors.sample.inventory.InventoryReply;
import dev.actors.spring.ActorWorker;

/**
 * One shopping cart: an instance per cart id, made at the cart's first request and passivated when idle
 * ({@code actors.workers.carts.passivate-after}). Its state is loaded from the database when it activates and
 * stored when it closes, so a cart survives passivation. A plain map and no locks: one command at a time per cart,
 * while different carts are served in parallel.
 */
@ActorWorker(value = "carts", keyed = true)
class CartActor implements Actor<CartCommand, CartView>, AutoCloseable {

    /** How long checkout waits for the inventory actor per item. */
    private static final long INVENTORY_TIMEOUT_SECONDS = 5;

    private final String cartId;

    private final CartStore store;

    private final ActorHandle<InventoryCommand, InventoryReply> inventory;

    private final Map<String, Integer> items;

    private CartView.Status status;

    private boolean changed;

    CartActor(@ActorKey String cartId, CartStore store, ActorHandle<InventoryCommand, InventoryReply> inventory) {
        this.cartId = cartId;
        this.store = store;
        this.inventory = inventory;
        CartStore.StoredCart stored = store.load(cartId);
        this.items = stored.items();
        this.status = stored.status();
    }

    @Override
    public CartView handle(CartCommand command) throws Exception {
        if (command instanceof CartCommand.AddItem add) {
            if (this.status == CartView.Status.CHECKED_OUT) {
                return view("the cart is checked out");
            }
            this.items.merge(add.sku(), add.quantity(), Integer::sum);
            this.status = CartView.Status.OPEN;
            this.changed = true;
        }
        else if (command instanceof CartCommand.Checkout) {
            return checkout();
        }
        return view(null);
    }

    /** Reserves each item; when one cannot be had, gives back what was taken and leaves the cart open. */
    private CartView checkout() throws Exception {
        if (this.status != CartView.Status.OPEN || this.items.isEmpty()) {
            return view("the cart has nothing to check out");
        }
        List<InventoryCommand.Reserve> taken = new ArrayList<>();
        for (Map.Entry<String, Integer> item : this.items.entrySet()) {
            InventoryCommand.Reserve reserve = new InventoryCommand.Reserve(item.getKey(), item.getValue());
            // Blocking here is fine: the inventory is another actor, and this cart's other requests wait anyway.
            InventoryReply reply = this.inventory.call(reserve).get(INVENTORY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (reply.outcome() != InventoryReply.Outcome.OK) {
                for (InventoryCommand.Reserve undo : taken) {
                    this.inventory.call(new InventoryCommand.Release(undo.sku(), undo.quantity()))
                        .get(INVENTORY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                }
                return view("not enough stock of " + item.getKey());
            }
            taken.add(reserve);
        }
        this.status = CartView.Status.CHECKED_OUT;
        this.changed = true;
        return view(null);
    }

    private CartView view(String problem) {
        return new CartView(this.cartId, Collections.unmodifiableMap(new LinkedHashMap<>(this.items)), this.status,
                problem);
    }

    /** Passivation, restart or shutdown: store the cart, unless it never changed since it was loaded. */
    @Override
    public void close() {
        if (this.changed) {
            this.store.save(this.cartId, new CartStore.StoredCart(this.status, this.items));
        }
    }
}
