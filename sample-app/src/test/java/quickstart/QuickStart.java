// The README's quick start, compiled and run by QuickStartTests; ReadmeTests checks that the README shows exactly
// the code from the first import on. Outside the sample's packages, so that the sample does not pick it up.
package quickstart;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.actors.Actor;
import dev.actors.ActorHandle;
import dev.actors.spring.ActorWorker;

record Reserve(String sku, int quantity) { }
record Reservation(String sku, boolean ok, int left) { }

@ActorWorker("inventory")
class InventoryActor implements Actor<Reserve, Reservation> {
    private final Map<String, Integer> stock = new HashMap<>(Map.of("apple", 10)); // no locks: one message at a time

    public Reservation handle(Reserve r) {                                 // check-then-act cannot race
        int left = stock.getOrDefault(r.sku(), 0);
        boolean ok = left >= r.quantity();
        if (ok) stock.put(r.sku(), left -= r.quantity());
        return new Reservation(r.sku(), ok, left);
    }
}

@RestController
record InventoryController(ActorHandle<Reserve, Reservation> inventory) { // injected by its generic types
    @PostMapping("/inventory/{sku}/reservations")
    CompletableFuture<ResponseEntity<Reservation>> reserve(@PathVariable("sku") String sku) {
        return inventory.call(new Reserve(sku, 1))                         // answered when the actor replies
            .thenApply(r -> ResponseEntity.status(r.ok() ? 200 : 409).body(r));
    }
}
