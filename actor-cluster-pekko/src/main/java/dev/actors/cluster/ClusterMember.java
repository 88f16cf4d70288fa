package dev.actors.cluster;

/**
 * One instance of the application in the cluster.
 *
 * @param address its cluster address, {@code host:port}
 * @param status its membership status, lower-case ({@code joining}, {@code weakly-up}, {@code up},
 *     {@code leaving}, {@code exiting}, {@code down}, {@code removed}...)
 * @param reachable whether this instance can reach it now
 */
public record ClusterMember(String address, String status, boolean reachable) {
}
