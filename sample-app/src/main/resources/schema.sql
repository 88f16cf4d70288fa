CREATE TABLE IF NOT EXISTS events (
    id         VARCHAR(36)   PRIMARY KEY,
    type       VARCHAR(100)  NOT NULL,
    payload    VARCHAR(4000),
    created_at TIMESTAMP     NOT NULL
);
