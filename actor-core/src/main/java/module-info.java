/**
 * The actor runtime. Exports the API ({@code dev.actors}) and the SPI ({@code dev.actors.spi}); the runtime's
 * internals ({@code dev.actors.internal}) stay unexported, so that nothing outside can depend on them.
 */
module dev.actors {
    requires org.slf4j;
    requires static org.jspecify;

    exports dev.actors;
    exports dev.actors.spi;
}
