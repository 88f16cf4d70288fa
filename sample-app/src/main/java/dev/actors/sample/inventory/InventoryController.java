package dev.actors.sample.inventory;

import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.actors.ActorHandle;

/**
 * HTTP front of the inventory actor: every request is one {@code call}, answered when the actor replies. A SKU is
 * checked here, before it reaches the actor's map or an answer: short, and made of safe characters.
 */
@RestController
@RequestMapping("/inventory/{sku}")
class InventoryController {

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final String SKU_RULE = "a SKU is 1 to 64 letters, digits, '.', '_' or '-'";

    private final ActorHandle<InventoryCommand, InventoryReply> inventory;

    InventoryController(ActorHandle<InventoryCommand, InventoryReply> inventory) {
        this.inventory = inventory;
    }

    /** The body of PUT and POST: a quantity. */
    record Quantity(int quantity) {
    }

    /** What the API shows of a SKU. */
    record Stock(String sku, int available) {
    }

    @PutMapping
    CompletableFuture<ResponseEntity<?>> setStock(@PathVariable String sku, @RequestBody Quantity body) {
        if (!SKU.matcher(sku).matches()) {
            return invalidSku();
        }
        if (body.quantity() < 0) {
            return CompletableFuture.completedFuture(problem(HttpStatus.BAD_REQUEST,
                    "quantity must not be negative but was " + body.quantity()));
        }
        return this.inventory.call(new InventoryCommand.SetStock(sku, body.quantity())).thenApply(this::toResponse);
    }

    @PostMapping("/reservations")
    CompletableFuture<ResponseEntity<?>> reserve(@PathVariable String sku, @RequestBody Quantity body) {
        if (!SKU.matcher(sku).matches()) {
            return invalidSku();
        }
        if (body.quantity() <= 0) {
            return CompletableFuture.completedFuture(problem(HttpStatus.BAD_REQUEST,
                    "quantity must be positive but was " + body.quantity()));
        }
        return this.inventory.call(new InventoryCommand.Reserve(sku, body.quantity()))
            .thenApply((reply) -> (reply.outcome() == InventoryReply.Outcome.INSUFFICIENT)
                    ? problem(HttpStatus.CONFLICT, "not enough stock of " + sku + ": " + reply.available()
                            + " available, " + body.quantity() + " requested")
                    : toResponse(reply));
    }

    @GetMapping
    CompletableFuture<ResponseEntity<?>> get(@PathVariable String sku) {
        if (!SKU.matcher(sku).matches()) {
            return invalidSku();
        }
        return this.inventory.call(new InventoryCommand.Get(sku)).thenApply(this::toResponse);
    }

    private ResponseEntity<?> toResponse(InventoryReply reply) {
        if (reply.outcome() == InventoryReply.Outcome.NOT_FOUND) {
            return problem(HttpStatus.NOT_FOUND, "unknown SKU " + reply.sku() + "; create it with PUT first");
        }
        if (reply.outcome() == InventoryReply.Outcome.FULL) {
            return problem(HttpStatus.CONFLICT, "the inventory holds as many SKUs as it may "
                    + "(sample.inventory.max-skus): " + reply.sku() + " is new and was not added");
        }
        return ResponseEntity.ok(new Stock(reply.sku(), reply.available()));
    }

    private static CompletableFuture<ResponseEntity<?>> invalidSku() {
        // The SKU itself is not repeated: it is what failed the check.
        return CompletableFuture.completedFuture(problem(HttpStatus.BAD_REQUEST, SKU_RULE));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.of(ProblemDetail.forStatusAndDetail(status, detail)).build();
    }
}
