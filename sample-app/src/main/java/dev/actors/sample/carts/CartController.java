package dev.actors.sample.carts;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.actors.ActorHandle;
import dev.actors.KeyedActorHandle;
import dev.actors.sample.inventory.InventoryCommand;
import dev.actors.sample.inventory.InventoryReply;

/**
 * HTTP front of the carts: each request is one {@code call} to its cart's own actor. Input is checked here, at the
 * edge, against fixed bounds, and a refusal never repeats what the client sent.
 */
@RestController
@RequestMapping("/carts/{id}")
class CartController {

    /** The bounds of a cart id and a SKU: what fits the database columns and a log line. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final int MAX_QUANTITY = 1000;

    private static final URI CARTS = URI.create("/carts");

    private final KeyedActorHandle<CartCommand, CartView> carts;

    private final ActorHandle<InventoryCommand, InventoryReply> inventory;

    CartController(KeyedActorHandle<CartCommand, CartView> carts,
            ActorHandle<InventoryCommand, InventoryReply> inventory) {
        this.carts = carts;
        this.inventory = inventory;
    }

    /** The body of POST items. */
    record Item(String sku, Integer quantity) {
    }

    @PostMapping("/items")
    CompletableFuture<ResponseEntity<?>> add(@PathVariable String id, @RequestBody Item item) {
        ResponseEntity<?> invalid = checkId(id);
        if (invalid == null && (item.sku() == null || !NAME.matcher(item.sku()).matches())) {
            invalid = badRequest("sku must be 1 to 64 letters, digits, '-' or '_'");
        }
        if (invalid == null && (item.quantity() == null || item.quantity() < 1 || item.quantity() > MAX_QUANTITY)) {
            invalid = badRequest("quantity must be from 1 to " + MAX_QUANTITY);
        }
        if (invalid != null) {
            return CompletableFuture.completedFuture(invalid);
        }
        return this.inventory.call(new InventoryCommand.Get(item.sku())).thenCompose((stock) -> {
            if (stock.outcome() == InventoryReply.Outcome.NOT_FOUND) {
                return CompletableFuture.completedFuture(badRequest("unknown SKU; create it with PUT /inventory/{sku}"));
            }
            return this.carts.forKey(id)
                .call(new CartCommand.AddItem(item.sku(), item.quantity()))
                .thenApply(CartController::toResponse);
        });
    }

    @GetMapping
    CompletableFuture<ResponseEntity<?>> get(@PathVariable String id) {
        ResponseEntity<?> invalid = checkId(id);
        if (invalid != null) {
            return CompletableFuture.completedFuture(invalid);
        }
        return this.carts.forKey(id).call(new CartCommand.View()).thenApply((cart) ->
                (cart.status() == CartView.Status.NEW) ? problem(HttpStatus.NOT_FOUND, "no such cart")
                        : toResponse(cart));
    }

    @PostMapping("/checkout")
    CompletableFuture<ResponseEntity<?>> checkout(@PathVariable String id) {
        ResponseEntity<?> invalid = checkId(id);
        if (invalid != null) {
            return CompletableFuture.completedFuture(invalid);
        }
        return this.carts.forKey(id).call(new CartCommand.Checkout()).thenApply(CartController::toResponse);
    }

    private static ResponseEntity<?> toResponse(CartView cart) {
        return (cart.problem() != null) ? problem(HttpStatus.CONFLICT, cart.problem()) : ResponseEntity.ok(cart);
    }

    private static ResponseEntity<?> checkId(String id) {
        return NAME.matcher(id).matches() ? null
                : badRequest("the cart id must be 1 to 64 letters, digits, '-' or '_'");
    }

    private static ResponseEntity<?> badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, detail);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        // Not the request's path, which Spring would fill in: it holds the client's cart id, of any length.
        problem.setInstance(CARTS);
        return ResponseEntity.of(problem).build();
    }
}
