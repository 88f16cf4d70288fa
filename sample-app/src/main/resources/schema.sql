CREATE TABLE IF NOT EXISTS events (
    id         VARCHAR(36)   PRIMARY KEY,
    type       VARCHAR(100)  NOT NULL,
    payload    VARCHAR(4000),
    created_at TIMESTAMP     NOT NULL
);

-- The keyed carts' state while their actors are passivated (see CartStore).
CREATE TABLE IF NOT EXISTS carts (
    id     VARCHAR(64)  PRIMARY KEY,
    status VARCHAR(16)  NOT NULL
);

CREATE TABLE IF NOT EXISTS cart_items (
    cart_id  VARCHAR(64)  NOT NULL,
    position INT          NOT NULL,
    sku      VARCHAR(64)  NOT NULL,
    quantity INT          NOT NULL,
    PRIMARY KEY (cart_id, position)
);
