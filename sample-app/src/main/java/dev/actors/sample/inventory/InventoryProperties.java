package dev.actors.sample.inventory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the inventory ({@code sample.inventory.*}): the stock map lives in memory, so clients must not be able to
 * grow it without bound.
 *
 * @param maxSkus the most SKUs the inventory holds; creating one more is refused with a 409
 */
@ConfigurationProperties("sample.inventory")
public record InventoryProperties(@DefaultValue("10000") int maxSkus) {

    /**
     * Checks the limit, naming the property.
     */
    public InventoryProperties {
        if (maxSkus <= 0) {
            throw new IllegalArgumentException("sample.inventory.max-skus must be positive but was " + maxSkus);
        }
    }
}
